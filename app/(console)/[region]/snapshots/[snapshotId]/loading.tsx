import { PageSkeleton, SkeletonCard } from "@/components/ui/page-skeleton";

/** A snapshot page's skeleton: header, the attributes and encryption cards. */
export default function SnapshotLoading() {
  return (
    <PageSkeleton variant="detail">
      <SkeletonCard height="h-64" />
      <SkeletonCard height="h-40" />
    </PageSkeleton>
  );
}
