"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { WizardIds } from "@/components/encrypt-wizard/wizard-types";

/** What the wizard has made so far, each a link to its page (kept whatever happens next). */
export function WizardMadeList({ regionId, ids }: { regionId: string; ids: WizardIds }) {
  const t = useTranslations("EncryptWizard");
  const made = [
    ids.snapshotId && {
      kind: "snapshot",
      id: ids.snapshotId,
      href: `/${regionId}/snapshots/${ids.snapshotId}`,
    },
    ids.newDiskId && {
      kind: "disk",
      id: ids.newDiskId,
      href: `/${regionId}/disks/${ids.newDiskId}`,
    },
    ids.imageId && { kind: "image", id: ids.imageId, href: `/${regionId}/images` },
    ids.copyId && { kind: "copy", id: ids.copyId, href: `/${regionId}/images` },
    ids.replacedDiskId && {
      kind: "systemDisk",
      id: ids.replacedDiskId,
      href: `/${regionId}/disks/${ids.replacedDiskId}`,
    },
  ].filter(Boolean) as { kind: "snapshot"; id: string; href: string }[];
  if (made.length === 0) return null;
  return (
    <section
      aria-labelledby="wizard-made-title"
      className="rounded-md border border-slate-200 px-4 py-3"
    >
      <h3
        id="wizard-made-title"
        className="text-xs font-semibold tracking-wide text-slate-500 uppercase"
      >
        {t("made")}
      </h3>
      <ul className="mt-2 space-y-1 text-sm">
        {made.map((item) => (
          <li key={item.id} className="flex gap-2">
            <span className="w-36 text-slate-500">{t(`madeKinds.${item.kind}`)}</span>
            <Link href={item.href} className="font-mono text-[13px] text-blue-700 hover:underline">
              {item.id}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
