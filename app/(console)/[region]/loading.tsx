import { PageSkeleton, SkeletonCard, SkeletonCardPair } from "@/components/ui/page-skeleton";

/** The page's skeleton while its server component reads (the shell stays in place). */
export default function Loading() {
  return (
    <PageSkeleton variant="overview">
      <SkeletonCardPair height="h-44" />
      <SkeletonCard height="h-32" />
    </PageSkeleton>
  );
}
