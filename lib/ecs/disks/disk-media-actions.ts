import { z } from "zod";
import { defineAction, type ActionDefinition } from "@/lib/openapi/action";
import { int, str } from "@/lib/openapi/params";
import { isoSeconds } from "@/lib/clock";
import { requireRoot } from "@/lib/emulator/require-root";
import { grantEcsDiskEncryptRole } from "@/lib/ram/roles";
import { describeDiskEncryptionMaterial, MAX_MEDIA_READ_BYTES, readDiskMedia } from "./disk-media";

/**
 * The disks domain's DiskSeal 2026-11-28 actions (root only), spread into lib/emulator/actions.ts:
 * - ReadDiskMedia(DiskId, Offset, Length ≤ 1 MiB) → the stored bytes, base64;
 * - DescribeDiskEncryptionMaterial(DiskId) → what a standard tool needs to decrypt the media;
 * - GrantEcsDiskEncryptRole → creates AliyunECSDiskEncryptDefaultRole with its policy: the
 *   console's "Confirm Authorization Policy", until RAM's CreateRole / AttachPolicyToRole exist
 *   (then this action is superseded by them).
 */
export const diskMediaActions: Record<string, ActionDefinition> = {
  ReadDiskMedia: defineAction(
    z.object({
      DiskId: str({ min: 1, max: 64 }),
      Offset: int({ min: 0 }),
      Length: int({ min: 1, max: MAX_MEDIA_READ_BYTES }),
    }),
    async (ctx, p) => {
      const read = await readDiskMedia(ctx, {
        diskId: p.DiskId,
        offset: p.Offset,
        length: p.Length,
      });
      return {
        DiskId: read.diskId,
        Offset: read.offset,
        Length: read.length,
        Data: read.data.toString("base64"),
      };
    },
  ),

  DescribeDiskEncryptionMaterial: defineAction(
    z.object({ DiskId: str({ min: 1, max: 64 }) }),
    async (ctx, p) => {
      const m = await describeDiskEncryptionMaterial(ctx, { diskId: p.DiskId });
      return {
        DiskId: m.diskId,
        Encrypted: m.encrypted,
        KMSKeyId: m.kmsKeyId,
        CiphertextBlob: m.ciphertextBlob,
        EncryptionContext: m.encryptionContext,
        Cipher: m.cipher,
        KeyBits: m.keyBits,
        SectorSize: m.sectorSize,
        DataOffset: m.dataOffset,
      };
    },
  ),

  GrantEcsDiskEncryptRole: defineAction(z.object({}), async (ctx) => {
    requireRoot(ctx);
    const role = await grantEcsDiskEncryptRole(ctx);
    return {
      Role: {
        RoleName: role.roleName,
        RoleId: role.roleId,
        Arn: role.arn,
        Description: role.description,
        AssumeRolePolicyDocument: role.assumeRolePolicyDocument,
        MaxSessionDuration: role.maxSessionDuration,
        CreateDate: isoSeconds(role.createdAt),
      },
      AttachedPolicies: {
        Policy: role.policies.map((p) => ({
          PolicyName: p.policyName,
          PolicyType: p.policyType,
          AttachDate: isoSeconds(p.attachedAt),
        })),
      },
    };
  }),
};
