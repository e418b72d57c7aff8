import type { RequestContext } from "@/lib/context";
import { dryRunPassed } from "@/lib/errors";
import type { Snapshot } from "@/lib/generated/prisma/client";
import { resourceId } from "@/lib/ids";
import { operation } from "@/lib/service/operation";
import { findRegion } from "@/lib/ecs/catalog/regions";
import { encryptionErrors } from "@/lib/ecs/encryption/errors";
import { assertMediumKeyUsable } from "@/lib/ecs/encryption/keyed-media";
import { resolveCopyKey } from "@/lib/ecs/encryption/resolve-disk-encryption";
import { copySnapshotTo } from "@/lib/ecs/snapshots/copy-snapshot";
import { destroySnapshot } from "@/lib/ecs/snapshots/delete-snapshot";
import type { Tag } from "@/lib/ecs/tags/tag-rules";
import { imageErrors } from "./errors";
import { getImageOrThrow, imageArn, imageEncryption, mappingsOf } from "./image-lookup";
import { insertImage, isImageNameTaken } from "./insert-image";

export type CopyImageInput = {
  imageId: string;
  destinationRegionId: string;
  destinationImageName?: string;
  destinationDescription?: string;
  encrypted?: boolean;
  kmsKeyId?: string;
  tags?: Tag[];
};

/**
 * ECS CopyImage: a copy of a custom image in the same or another region, each of its snapshots
 * copied. With Encrypted=true (same region) the copy's snapshots are encrypted under KMSKeyId
 * (default: the source's key if it has one, else the service key): this is how a system disk
 * becomes encrypted (CreateImage → CopyImage → ReplaceSystemDisk). Order: parameter form (400
 * InvalidParameter.EncryptedIllegal) → authorization → image (404) and Available (400
 * IncorrectImageStatus) → destination region → no decryption (403 OperationDeined.EncryptedSnapshot)
 * → no encrypting across regions (403 OperationDenied.EncryptSnapshotAcrossRegion) → name →
 * the keys → DryRun → copy.
 */
export function copyImage(ctx: RequestContext, input: CopyImageInput): Promise<{ imageId: string }> {
  if (input.kmsKeyId && input.encrypted !== true) throw encryptionErrors.encryptedIllegal();
  const spec = { service: "ecs" as const, action: "CopyImage", resourceArn: imageArn(ctx.regionId, input.imageId) };
  return operation(ctx, spec, async (op) => {
    const image = await getImageOrThrow(ctx.regionId, input.imageId);
    if (image.status !== "Available") throw imageErrors.notAvailable();
    const destination = input.destinationRegionId;
    if (!findRegion(destination)) throw imageErrors.destinationRegionNotFound();
    const mappings = (await mappingsOf([image.id])).get(image.id) ?? [];
    if (mappings.some((m) => !m.snapshot)) throw imageErrors.notAvailable();
    const source = imageEncryption(mappings);
    op.keyId = source.kmsKeyId ?? undefined;
    if (source.encrypted && input.encrypted !== true) throw imageErrors.wouldDecrypt();
    const sameRegion = destination === ctx.regionId;
    if (!sameRegion && !source.encrypted && input.encrypted) throw imageErrors.encryptAcrossRegion();
    const name = input.destinationImageName;
    if (name && (await isImageNameTaken(destination, name))) throw imageErrors.nameDuplicated();
    for (const m of mappings) {
      await assertMediumKeyUsable(ctx, op.eventId, m.snapshot!, { notEnabled: encryptionErrors.keyNotEnabled, notFound: encryptionErrors.keyNotFound });
    }
    let target: { encrypted: boolean; kmsKeyId?: string } = { encrypted: false };
    if (input.encrypted) {
      const keepsSourceKey = !input.kmsKeyId && sameRegion && source.kmsKeyId;
      target = keepsSourceKey
        ? { encrypted: true, kmsKeyId: source.kmsKeyId! }
        : { encrypted: true, kmsKeyId: (await resolveCopyKey(ctx, { regionId: destination, kmsKeyId: input.kmsKeyId, causedBy: op.eventId })).kmsKeyId };
    }
    if (ctx.dryRun) throw dryRunPassed();

    const id = resourceId("m", destination);
    const copies: Snapshot[] = [];
    try {
      for (const m of mappings) {
        copies.push(
          await copySnapshotTo(ctx, op.eventId, m.snapshot!, {
            regionId: destination,
            encryption: target,
            description: `Copied from ${m.snapshotId} for image ${id}`,
          }),
        );
      }
      await insertImage({
        id,
        regionId: destination,
        name: name ?? id,
        description: input.destinationDescription ?? image.description,
        baseImageId: image.baseImageId,
        osType: image.osType,
        architecture: image.architecture,
        platform: image.platform,
        imageFamily: image.imageFamily,
        imageVersion: image.imageVersion,
        bootMode: image.bootMode,
        sizeGiB: image.sizeGiB,
        sourceImageId: image.id,
        sourceRegionId: image.regionId,
        disks: mappings.map((m, n) => ({ device: m.device, type: m.type === "data" ? "data" : "system", snapshot: copies[n], sizeGiB: m.sizeGiB })),
        tags: input.tags,
      });
    } catch (error) {
      // A copy that failed half-way leaves nothing behind.
      for (const copy of copies) await destroySnapshot(copy.id);
      throw error;
    }
    op.resourceArn = imageArn(destination, id);
    return { imageId: id };
  });
}
