import type { RequestContext } from "@/lib/context";
import { processSingleton } from "@/lib/runtime";
import { keyOperation } from "./key-operation";

/**
 * The key association check: every resource a key protects, which the console lists before a
 * disable or a deletion ("dependent data becomes unrecoverable") and on the key's detail page.
 *
 * KMS does not know what other domains encrypt, so each domain registers a lister. The ECS
 * issue registers its disks, snapshots and images (e.g. in its own start function:
 * `registerKeyAssociationSource("ecs.disks", (keyId, regionId) => …)`), returning the rows
 * whose KMSKeyId is this key. The registry is process-wide (Next's bundles share it).
 */
export type KeyAssociation = {
  /** "disk", "snapshot", "image", … */
  resourceType: string;
  resourceId: string;
  resourceName?: string;
  regionId: string;
  /** The resource's own status ("In_use", "available", …), for the console to show. */
  status?: string;
};

export type KeyAssociationLister = (keyId: string, regionId: string) => Promise<KeyAssociation[]>;

const sources = processSingleton(
  "kms.keyAssociationSources",
  () => new Map<string, KeyAssociationLister>(),
);

/** Registers (or replaces) a domain's lister under a stable name. */
export function registerKeyAssociationSource(name: string, lister: KeyAssociationLister): void {
  sources.set(name, lister);
}

export function unregisterKeyAssociationSource(name: string): void {
  sources.delete(name);
}

/** Every resource the key protects, by type then id. KeyId: id, alias or ARN; any key state. */
export function listKeyAssociations(
  ctx: RequestContext,
  input: { keyId: string },
): Promise<KeyAssociation[]> {
  return keyOperation(ctx, "ListKeyAssociations", input.keyId, (key) =>
    listKeyAssociationsOf(key.id, key.regionId),
  );
}

/** The same list for a key already loaded and authorized (the key detail query). */
export async function listKeyAssociationsOf(
  keyId: string,
  regionId: string,
): Promise<KeyAssociation[]> {
  const lists = await Promise.all([...sources.values()].map((lister) => lister(keyId, regionId)));
  return lists
    .flat()
    .sort(
      (a, b) =>
        a.resourceType.localeCompare(b.resourceType) || a.resourceId.localeCompare(b.resourceId),
    );
}
