import { NotFoundMessage } from "@/components/shell/not-found-message";

/** A snapshot id that is not (or no longer) in this region. */
export default function SnapshotNotFound() {
  return <NotFoundMessage reason="page" />;
}
