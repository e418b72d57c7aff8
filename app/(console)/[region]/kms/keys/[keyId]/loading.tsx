import { PageSkeleton, SkeletonCard, SkeletonCardPair } from "@/components/ui/page-skeleton";

/** A key page's skeleton: header, the details card, two rows of cards. */
export default function KeyLoading() {
  return (
    <PageSkeleton variant="detail">
      <SkeletonCard height="h-64" />
      <SkeletonCardPair height="h-40" />
    </PageSkeleton>
  );
}
