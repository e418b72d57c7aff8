import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Timestamp } from "@/components/kms/timestamp";
import { SnapshotEncryption } from "@/components/snapshots/snapshot-encryption";
import { SnapshotStatus } from "@/components/snapshots/snapshot-status";
import type { SnapshotView } from "@/components/snapshots/snapshot-view";

/** A disk's page: its snapshots, newest first, each with status (and progress) and encryption. */
export async function DiskSnapshotsCard({
  regionId,
  snapshots,
}: {
  regionId: string;
  snapshots: SnapshotView[];
}) {
  const t = await getTranslations("Disks.detail");
  return (
    <Card id="disk-snapshots" title={t("snapshots")} description={t("snapshotsDescription")}>
      {snapshots.length === 0 ? (
        <p className="text-sm text-slate-500">{t("noSnapshots")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {snapshots.map((snapshot) => (
            <li
              key={snapshot.snapshotId}
              className="flex flex-wrap items-center gap-4 py-2 text-sm"
            >
              <Link
                href={`/${regionId}/snapshots/${snapshot.snapshotId}`}
                className="w-52 font-mono text-xs text-blue-700 hover:underline"
              >
                {snapshot.snapshotId}
              </Link>
              <span className="w-40 truncate text-xs text-slate-600">{snapshot.name || "—"}</span>
              <span className="w-36">
                <SnapshotStatus status={snapshot.status} progress={snapshot.progress} />
              </span>
              <SnapshotEncryption snapshot={snapshot} />
              <span className="ml-auto text-xs text-slate-500">
                <Timestamp date={snapshot.createdAt} compact />
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
