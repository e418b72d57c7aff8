import { PageSkeleton, SkeletonFilters, SkeletonRows } from "@/components/ui/page-skeleton";

/** The snapshot list's skeleton: header, filters, rows. */
export default function SnapshotsLoading() {
  return (
    <PageSkeleton variant="list">
      <SkeletonFilters count={4} />
      <SkeletonRows cells={["w-36", "w-20", "w-28"]} />
    </PageSkeleton>
  );
}
