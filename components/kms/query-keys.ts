/**
 * React Query keys of the KMS pages, one factory (STYLE.md "Client data"). Mutations
 * invalidate `all`; the confirmation dialogs read the key association check under
 * `associations`.
 */
export const kmsQueryKeys = {
  all: ["kms"] as const,
  associations: (regionId: string, keyId: string) =>
    ["kms", "associations", regionId, keyId] as const,
};
