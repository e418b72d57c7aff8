import { PageSkeleton, SkeletonCard, SkeletonTabs } from "@/components/ui/page-skeleton";

/** A disk page's skeleton: header, tabs, the attributes and encryption cards. */
export default function DiskLoading() {
  return (
    <PageSkeleton variant="detail">
      <SkeletonTabs widths={["w-20", "w-16"]} />
      <SkeletonCard height="h-72" />
      <SkeletonCard height="h-40" />
    </PageSkeleton>
  );
}
