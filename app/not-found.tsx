import { NotFoundMessage } from "@/components/shell/not-found-message";

/** Outside any region: an unknown region id, or a path the console does not have. */
export default function NotFound() {
  return (
    <main className="px-6 py-16">
      <NotFoundMessage reason="region" />
    </main>
  );
}
