/** React Query keys of the Snapshots and Images pages, one factory (STYLE.md "Client data"). */
export const snapshotQueryKeys = {
  all: ["snapshots"] as const,
  progress: (regionId: string) => ["snapshots", "progress", regionId] as const,
  images: (regionId: string) => ["images", "progress", regionId] as const,
};
