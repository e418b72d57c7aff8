import { serviceContext, type RequestContext } from "@/lib/context";
import { now } from "@/lib/clock";
import { getRegionOrThrow } from "@/lib/ecs/catalog/regions";
import { getRuntime, processSingleton } from "@/lib/runtime";
import { operation } from "@/lib/service/operation";
import { insertKey } from "./create-key";
import { keyArnOf } from "./key-lookup";
import { keyContainerArn } from "./key-operation";
import { SERVICE_KEY_ALIAS } from "./key-reference";
import { toKeyView, type KeyView } from "./key-view";

export const SERVICE_KEY_DESCRIPTION =
  "Default key that protects ECS disks, snapshots and images when no other key is specified.";
/** DescribeKey's Creator for the ECS service key. */
export const SERVICE_KEY_CREATOR = "Ecs";

/** One creation at a time per region, so two first uses do not make two service keys. */
const creating = processSingleton(
  "kms.serviceKeyCreation",
  () => new Map<string, Promise<KeyView>>(),
);

/**
 * The ECS service key of a region (`alias/acs/ecs`), created on first use BY ECS: the ECS
 * service calls this when it first encrypts with the default key in a region. Until then it
 * does not exist (DescribeKey alias/acs/ecs → 404 Forbidden.AliasNotFound). It works in every
 * region, including those without customer master keys (cn-fuzhou, ap-southeast-7).
 * The creation is audited as a CreateKey by the ECS service, caused by `ctx`'s operation.
 */
export async function getOrCreateServiceKey(
  ctx: RequestContext,
  regionId: string,
): Promise<KeyView> {
  const existing = await findServiceKey(regionId);
  if (existing) return existing;
  const pending = creating.get(regionId);
  if (pending) return pending;
  const creation = createServiceKey(ctx, regionId).finally(() => creating.delete(regionId));
  creating.set(regionId, creation);
  return creation;
}

async function findServiceKey(regionId: string): Promise<KeyView | undefined> {
  const alias = await getRuntime().db.kmsAlias.findUnique({
    where: { regionId_aliasName: { regionId, aliasName: SERVICE_KEY_ALIAS } },
    include: { key: true },
  });
  return alias ? toKeyView(alias.key, getRuntime().accountId, now()) : undefined;
}

function createServiceKey(ctx: RequestContext, regionId: string): Promise<KeyView> {
  const base = ctx.principal.kind === "service" ? ctx : serviceContext(ctx, "ecs", ctx.causedBy);
  const ecsCtx: RequestContext = { ...base, regionId };
  return operation(
    ecsCtx,
    { service: "kms", action: "CreateKey", resourceArn: keyContainerArn(regionId) },
    async (op) => {
      getRegionOrThrow(regionId);
      const again = await findServiceKey(regionId);
      if (again) return again;
      const key = await getRuntime().db.$transaction(async (tx) => {
        const created = await insertKey(
          {
            regionId,
            keySpec: "Aliyun_AES_256",
            keyUsage: "ENCRYPT/DECRYPT",
            origin: "Aliyun_KMS",
            protectionLevel: "SOFTWARE",
            enableAutomaticRotation: false,
            description: SERVICE_KEY_DESCRIPTION,
            creator: SERVICE_KEY_CREATOR,
            creatorType: "Service",
          },
          tx,
        );
        await tx.kmsAlias.create({
          data: {
            regionId,
            aliasName: SERVICE_KEY_ALIAS,
            keyId: created.id,
            createdAt: created.createdAt,
          },
        });
        return created;
      });
      op.keyId = key.id;
      op.resourceArn = keyArnOf(key);
      return toKeyView(key, getRuntime().accountId, now());
    },
  );
}
