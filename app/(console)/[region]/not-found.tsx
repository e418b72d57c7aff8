import { NotFoundMessage } from "@/components/shell/not-found-message";

/** A console page that does not exist (or is not built yet), inside the shell of its region. */
export default function RegionNotFound() {
  return <NotFoundMessage reason="page" />;
}
