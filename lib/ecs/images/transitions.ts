import { getRuntime } from "@/lib/runtime";

/**
 * Images `Creating` become `Available` once completesAt — their last snapshot's — passed on
 * the emulator clock. Scheduler handler "ecs.images.transitions", registered after the
 * snapshots' so that an image never becomes Available before its snapshots are accomplished.
 */
export async function applyDueImageTransitions(at: Date): Promise<void> {
  await getRuntime().db.image.updateMany({
    where: { status: "Creating", completesAt: { lte: at } },
    data: { status: "Available" },
  });
}
