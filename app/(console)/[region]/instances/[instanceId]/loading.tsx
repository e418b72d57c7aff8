import { PageSkeleton, SkeletonCard, SkeletonTabs } from "@/components/ui/page-skeleton";

/** An instance page's skeleton: header, attributes, disks, terminal. */
export default function InstanceLoading() {
  return (
    <PageSkeleton variant="detail">
      <SkeletonTabs widths={["w-20", "w-16"]} />
      <SkeletonCard height="h-72" />
      <SkeletonCard height="h-40" />
    </PageSkeleton>
  );
}
