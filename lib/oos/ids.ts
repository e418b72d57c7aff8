import { resourceId } from "@/lib/ids";

/** `exec-…` as OOS names executions. */
export const newExecutionId = (regionId: string) => resourceId("exec", regionId);
/** `task-exec-…` as OOS names task executions. */
export const newTaskExecutionId = (regionId: string) => `task-${resourceId("exec", regionId)}`;
