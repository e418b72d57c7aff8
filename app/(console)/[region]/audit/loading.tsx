import { PageSkeleton, SkeletonRows } from "@/components/ui/page-skeleton";

/** The Audit page's skeleton: header, filters, rows. */
export default function AuditLoading() {
  return (
    <PageSkeleton variant="list">
      <div className="h-20 rounded bg-slate-200" />
      <SkeletonRows cells={["w-28", "w-64", "w-40", "w-16"]} />
    </PageSkeleton>
  );
}
