import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { HangReason } from "@/lib/ecs/instances/console-queries";
import { Timestamp } from "@/components/kms/timestamp";

/**
 * What a hung instance's screen shows — nothing, a black screen — and, beside it, why: for each
 * disk whose I/O waits, its data key's KMS key and that key's state, and since when. The page
 * polls, so it recovers by itself once the key is enabled again.
 */
export async function HangPanel({ regionId, hangs }: { regionId: string; hangs: HangReason[] }) {
  const t = await getTranslations("Instances.hang");
  return (
    <section aria-labelledby="instance-hang-title" className="space-y-3">
      <div
        role="img"
        aria-label={t("screenLabel")}
        className="flex h-40 items-end rounded-md border border-slate-800 bg-black p-3"
      >
        <span className="font-mono text-xs text-slate-700">_</span>
      </div>
      <div
        role="alert"
        className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-950"
      >
        <h2 id="instance-hang-title" className="font-semibold">
          {t("title")}
        </h2>
        <ul className="mt-1 space-y-1">
          {hangs.map((hang) => (
            <li key={hang.diskId}>
              {t.rich("reason", {
                diskId: hang.diskId,
                device: hang.device,
                keyId: hang.kmsKeyId ?? "—",
                state: hang.keyState,
                disk: (chunks) => (
                  <Link href={`/${regionId}/disks/${hang.diskId}`} className="font-mono underline">
                    {chunks}
                  </Link>
                ),
                key: (chunks) =>
                  hang.kmsKeyId ? (
                    <Link
                      href={`/${regionId}/kms/keys/${hang.kmsKeyId}`}
                      className="font-mono underline"
                    >
                      {chunks}
                    </Link>
                  ) : (
                    <span className="font-mono">{chunks}</span>
                  ),
              })}{" "}
              <span className="text-xs text-red-800">
                {t("since")} <Timestamp date={hang.since} compact /> · {hang.code}
              </span>
            </li>
          ))}
        </ul>
        <p className="mt-2 text-xs text-red-800">{t("recovery")}</p>
      </div>
    </section>
  );
}
