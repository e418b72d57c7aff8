import { PageSkeleton, SkeletonRows, SkeletonTabs } from "@/components/ui/page-skeleton";

/** The key list's skeleton: header, tabs, filter, rows. */
export default function KeysLoading() {
  return (
    <PageSkeleton variant="list">
      <SkeletonTabs widths={["w-28", "w-40"]} />
      <div className="h-8 w-48 rounded bg-slate-200" />
      <SkeletonRows cells={["w-32", "w-48", "w-20"]} />
    </PageSkeleton>
  );
}
