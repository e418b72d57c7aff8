/**
 * React Query keys of the Disks pages, one factory (STYLE.md "Client data"): the statuses the
 * list and detail pages poll while a disk is Creating, Attaching or Detaching.
 */
export const diskQueryKeys = {
  all: ["disks"] as const,
  statuses: (regionId: string, disks: string) => ["disks", "statuses", regionId, disks] as const,
};
