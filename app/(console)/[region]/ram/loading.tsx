import { PageSkeleton, SkeletonRows } from "@/components/ui/page-skeleton";

/** The RAM pages' skeleton: header and rows. */
export default function RamLoading() {
  return (
    <PageSkeleton variant="list">
      <SkeletonRows cells={["w-32", "w-48", "w-20"]} />
    </PageSkeleton>
  );
}
