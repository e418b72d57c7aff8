import { PageSkeleton, SkeletonRows, SkeletonTabs } from "@/components/ui/page-skeleton";

/** The image list's skeleton: header, tabs, rows. */
export default function ImagesLoading() {
  return (
    <PageSkeleton variant="list">
      <SkeletonTabs widths={["w-28", "w-24"]} />
      <SkeletonRows cells={["w-36", "w-20", "w-28"]} />
    </PageSkeleton>
  );
}
