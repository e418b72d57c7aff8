"use client";

import type { ActionResult } from "@/lib/console/server-action";
import { ProgressPoller } from "@/components/shared/progress-poller";
import { snapshotQueryKeys } from "@/components/snapshots/query-keys";

/** Keeps the Images page current while images are Creating (bars move, badges turn). */
export function ImageStatusPoller({
  regionId,
  images,
  pollImages,
}: {
  regionId: string;
  images: { imageId: string; status: string; progress: number }[];
  pollImages: (input: {
    regionId: string;
    imageIds: string[];
  }) => Promise<ActionResult<Record<string, { status: string; progress: number }>>>;
}) {
  return (
    <ProgressPoller
      queryKey={snapshotQueryKeys.images(regionId)}
      rows={images.map((image) => ({
        id: image.imageId,
        status: image.status,
        progress: image.progress,
      }))}
      movingStatus="Creating"
      poll={(imageIds) => pollImages({ regionId, imageIds })}
    />
  );
}
