import { z } from "zod";
import { defineAction, type ActionDefinition } from "@/lib/openapi/action";
import { bool, int, str } from "@/lib/openapi/params";
import { deleteKeyMaterial, getParametersForImport, importKeyMaterial } from "../key-import";
import {
  createKeyVersion,
  describeKeyVersion,
  listKeyVersions,
  type KeyVersionView,
} from "../key-versions";
import { updateRotationPolicy } from "../rotation-policy";
import {
  base64Param,
  keyIdParam,
  pageParams,
  pageWire,
  rotationIntervalParam,
  wireTime,
} from "./params";

const versionWire = (version: KeyVersionView) => ({
  KeyId: version.keyId,
  KeyVersionId: version.keyVersionId,
  CreationDate: wireTime(version.createdAt),
});

/** Versions, rotation and imported key material (KMS 2016-01-20). */
export const versionActions: Record<string, ActionDefinition> = {
  CreateKeyVersion: defineAction(z.object({ KeyId: keyIdParam() }), async (ctx, p) => ({
    KeyVersion: versionWire(await createKeyVersion(ctx, { keyId: p.KeyId })),
  })),

  ListKeyVersions: defineAction(
    z.object({ KeyId: keyIdParam(), ...pageParams }),
    async (ctx, p) => {
      const page = await listKeyVersions(ctx, {
        keyId: p.KeyId,
        pageNumber: p.PageNumber,
        pageSize: p.PageSize,
      });
      return { KeyVersions: { KeyVersion: page.items.map(versionWire) }, ...pageWire(page) };
    },
  ),

  DescribeKeyVersion: defineAction(
    z.object({ KeyId: keyIdParam(), KeyVersionId: str({ min: 1, max: 255 }) }),
    async (ctx, p) => ({
      KeyVersion: versionWire(
        await describeKeyVersion(ctx, { keyId: p.KeyId, keyVersionId: p.KeyVersionId }),
      ),
    }),
  ),

  UpdateRotationPolicy: defineAction(
    z.object({
      KeyId: keyIdParam(),
      EnableAutomaticRotation: bool(),
      RotationInterval: rotationIntervalParam().optional(),
    }),
    async (ctx, p) => {
      await updateRotationPolicy(ctx, {
        keyId: p.KeyId,
        enableAutomaticRotation: p.EnableAutomaticRotation,
        rotationIntervalSeconds: p.RotationInterval,
      });
      return {};
    },
  ),

  GetParametersForImport: defineAction(
    z.object({
      KeyId: keyIdParam(),
      WrappingAlgorithm: str({ min: 1, max: 64 }),
      WrappingKeySpec: str({ min: 1, max: 64 }),
    }),
    async (ctx, p) => {
      const result = await getParametersForImport(ctx, {
        keyId: p.KeyId,
        wrappingAlgorithm: p.WrappingAlgorithm,
        wrappingKeySpec: p.WrappingKeySpec,
      });
      return {
        KeyId: result.keyId,
        ImportToken: result.importToken,
        PublicKey: result.publicKey,
        TokenExpireTime: wireTime(result.tokenExpireTime),
      };
    },
  ),

  ImportKeyMaterial: defineAction(
    z.object({
      KeyId: keyIdParam(),
      EncryptedKeyMaterial: base64Param("EncryptedKeyMaterial", 1024),
      ImportToken: str({ min: 1, max: 4096 }),
      KeyMaterialExpireUnix: int({ min: 0, max: 253_402_300_799 }),
    }),
    async (ctx, p) => {
      await importKeyMaterial(ctx, {
        keyId: p.KeyId,
        encryptedKeyMaterial: p.EncryptedKeyMaterial,
        importToken: p.ImportToken,
        keyMaterialExpireUnix: p.KeyMaterialExpireUnix,
      });
      return {};
    },
  ),

  DeleteKeyMaterial: defineAction(z.object({ KeyId: keyIdParam() }), async (ctx, p) => {
    await deleteKeyMaterial(ctx, { keyId: p.KeyId });
    return {};
  }),
};
