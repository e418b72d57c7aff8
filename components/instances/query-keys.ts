/** React Query keys of the Instances pages, one factory (STYLE.md "Client data"). */
export const instanceQueryKeys = {
  all: ["instances"] as const,
  statuses: (regionId: string, instances: string) =>
    ["instances", "statuses", regionId, instances] as const,
  state: (regionId: string, instanceId: string) =>
    ["instances", "state", regionId, instanceId] as const,
};
