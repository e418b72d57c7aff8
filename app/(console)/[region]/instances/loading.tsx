import { PageSkeleton, SkeletonFilters, SkeletonRows } from "@/components/ui/page-skeleton";

/** The instance list's skeleton: header, filters, rows. */
export default function InstancesLoading() {
  return (
    <PageSkeleton variant="list">
      <SkeletonFilters count={5} />
      <SkeletonRows cells={["w-36", "w-20", "w-28"]} />
    </PageSkeleton>
  );
}
