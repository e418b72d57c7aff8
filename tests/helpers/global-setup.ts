import { ensureBuild } from "../../scripts/ensure-build.mts";

/** Integration tests start many servers on one build: make sure it exists and is current, once. */
export default function setup(): void {
  ensureBuild({ quiet: true });
}
