import { z } from "zod";
import { MAX_BLOB_PLAINTEXT_BYTES } from "@/lib/crypto/kms-blob";
import { defineAction, type ActionDefinition } from "@/lib/openapi/action";
import { int, oneOf, str } from "@/lib/openapi/params";
import {
  ASYMMETRIC_ENCRYPTION_ALGORITHMS,
  asymmetricDecrypt,
  asymmetricEncrypt,
  asymmetricSign,
  asymmetricVerify,
  getPublicKey,
  SIGNING_ALGORITHMS,
} from "../asymmetric-keys";
import { decrypt, encrypt, reEncrypt } from "../encrypt-decrypt";
import {
  DATA_KEY_BYTES,
  DATA_KEY_SPECS,
  generateDataKey,
  generateDataKeyWithoutPlaintext,
} from "../generate-data-key";
import { base64Param, encryptionContextParam, keyIdParam } from "./params";

/** A CiphertextBlob: the service decides whether it is one of ours. */
const ciphertextBlob = () => str({ min: 1, max: 16_384 });
const keyVersionId = () => str({ min: 1, max: 255 });
/** Plaintext leaves as base64 and its buffer is zeroed at once. */
const base64AndZero = (bytes: Buffer) => {
  const text = bytes.toString("base64");
  bytes.fill(0);
  return text;
};

const dataKeyParams = z.object({
  KeyId: keyIdParam(),
  KeySpec: oneOf(DATA_KEY_SPECS).optional(),
  NumberOfBytes: int({ min: DATA_KEY_BYTES.min, max: DATA_KEY_BYTES.max }).optional(),
  EncryptionContext: encryptionContextParam().optional(),
});
const dataKeyInput = (p: z.output<typeof dataKeyParams>) => ({
  keyId: p.KeyId,
  keySpec: p.KeySpec,
  numberOfBytes: p.NumberOfBytes,
  encryptionContext: p.EncryptionContext,
});

/** Symmetric and asymmetric cryptography (KMS 2016-01-20). */
export const cryptoActions: Record<string, ActionDefinition> = {
  Encrypt: defineAction(
    z.object({
      KeyId: keyIdParam(),
      Plaintext: base64Param("Plaintext", MAX_BLOB_PLAINTEXT_BYTES),
      EncryptionContext: encryptionContextParam().optional(),
    }),
    async (ctx, p) => {
      const sealed = await encrypt(ctx, {
        keyId: p.KeyId,
        plaintext: p.Plaintext,
        encryptionContext: p.EncryptionContext,
      });
      p.Plaintext.fill(0);
      return {
        CiphertextBlob: sealed.ciphertextBlob,
        KeyId: sealed.keyId,
        KeyVersionId: sealed.keyVersionId,
      };
    },
  ),

  Decrypt: defineAction(
    z.object({
      CiphertextBlob: ciphertextBlob(),
      EncryptionContext: encryptionContextParam().optional(),
    }),
    async (ctx, p) => {
      const opened = await decrypt(ctx, {
        ciphertextBlob: p.CiphertextBlob,
        encryptionContext: p.EncryptionContext,
      });
      return {
        Plaintext: base64AndZero(opened.plaintext),
        KeyId: opened.keyId,
        KeyVersionId: opened.keyVersionId,
      };
    },
  ),

  ReEncrypt: defineAction(
    z.object({
      CiphertextBlob: ciphertextBlob(),
      DestinationKeyId: keyIdParam(),
      SourceEncryptionContext: encryptionContextParam("SourceEncryptionContext").optional(),
      DestinationEncryptionContext: encryptionContextParam(
        "DestinationEncryptionContext",
      ).optional(),
    }),
    async (ctx, p) => {
      const sealed = await reEncrypt(ctx, {
        ciphertextBlob: p.CiphertextBlob,
        destinationKeyId: p.DestinationKeyId,
        sourceEncryptionContext: p.SourceEncryptionContext,
        destinationEncryptionContext: p.DestinationEncryptionContext,
      });
      return {
        CiphertextBlob: sealed.ciphertextBlob,
        KeyId: sealed.keyId,
        KeyVersionId: sealed.keyVersionId,
      };
    },
  ),

  GenerateDataKey: defineAction(dataKeyParams, async (ctx, p) => {
    const key = await generateDataKey(ctx, dataKeyInput(p));
    return {
      CiphertextBlob: key.ciphertextBlob,
      KeyId: key.keyId,
      KeyVersionId: key.keyVersionId,
      Plaintext: base64AndZero(key.plaintext),
    };
  }),

  GenerateDataKeyWithoutPlaintext: defineAction(dataKeyParams, async (ctx, p) => {
    const key = await generateDataKeyWithoutPlaintext(ctx, dataKeyInput(p));
    return { CiphertextBlob: key.ciphertextBlob, KeyId: key.keyId, KeyVersionId: key.keyVersionId };
  }),

  GetPublicKey: defineAction(
    z.object({ KeyId: keyIdParam(), KeyVersionId: keyVersionId() }),
    async (ctx, p) => {
      const result = await getPublicKey(ctx, { keyId: p.KeyId, keyVersionId: p.KeyVersionId });
      return {
        KeyId: result.keyId,
        KeyVersionId: result.keyVersionId,
        PublicKey: result.publicKeyPem,
      };
    },
  ),

  AsymmetricSign: defineAction(
    z.object({
      KeyId: keyIdParam(),
      KeyVersionId: keyVersionId(),
      Algorithm: oneOf(SIGNING_ALGORITHMS),
      Digest: base64Param("Digest", 64),
    }),
    async (ctx, p) => {
      const result = await asymmetricSign(ctx, {
        keyId: p.KeyId,
        keyVersionId: p.KeyVersionId,
        algorithm: p.Algorithm,
        digest: p.Digest,
      });
      return {
        KeyId: result.keyId,
        KeyVersionId: result.keyVersionId,
        Value: result.signature.toString("base64"),
      };
    },
  ),

  AsymmetricVerify: defineAction(
    z.object({
      KeyId: keyIdParam(),
      KeyVersionId: keyVersionId(),
      Algorithm: oneOf(SIGNING_ALGORITHMS),
      Digest: base64Param("Digest", 64),
      Value: base64Param("Value", 1024),
    }),
    async (ctx, p) => {
      const result = await asymmetricVerify(ctx, {
        keyId: p.KeyId,
        keyVersionId: p.KeyVersionId,
        algorithm: p.Algorithm,
        digest: p.Digest,
        signature: p.Value,
      });
      return { KeyId: result.keyId, KeyVersionId: result.keyVersionId, Value: result.isValid };
    },
  ),

  AsymmetricEncrypt: defineAction(
    z.object({
      KeyId: keyIdParam(),
      KeyVersionId: keyVersionId(),
      Algorithm: oneOf(ASYMMETRIC_ENCRYPTION_ALGORITHMS),
      Plaintext: base64Param("Plaintext", 1024),
    }),
    async (ctx, p) => {
      const result = await asymmetricEncrypt(ctx, {
        keyId: p.KeyId,
        keyVersionId: p.KeyVersionId,
        algorithm: p.Algorithm,
        plaintext: p.Plaintext,
      });
      p.Plaintext.fill(0);
      return {
        KeyId: result.keyId,
        KeyVersionId: result.keyVersionId,
        CiphertextBlob: result.ciphertext.toString("base64"),
      };
    },
  ),

  AsymmetricDecrypt: defineAction(
    z.object({
      KeyId: keyIdParam(),
      KeyVersionId: keyVersionId(),
      Algorithm: oneOf(ASYMMETRIC_ENCRYPTION_ALGORITHMS),
      CiphertextBlob: base64Param("CiphertextBlob", 1024),
    }),
    async (ctx, p) => {
      const result = await asymmetricDecrypt(ctx, {
        keyId: p.KeyId,
        keyVersionId: p.KeyVersionId,
        algorithm: p.Algorithm,
        ciphertext: p.CiphertextBlob,
      });
      return {
        KeyId: result.keyId,
        KeyVersionId: result.keyVersionId,
        Plaintext: base64AndZero(result.plaintext),
      };
    },
  ),
};
