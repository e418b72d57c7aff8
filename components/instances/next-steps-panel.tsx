import Link from "next/link";
import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/notice";

/**
 * After Create: the guide's next steps. The system disk is ready; a Linux instance's data disks
 * must be initialized (partition/format, mount); a Windows instance's are ready; a disk
 * created on its own must be attached, then initialized.
 */
export function NextStepsPanel({
  regionId,
  instanceId,
  osType,
  dataDiskCount,
}: {
  regionId: string;
  instanceId: string;
  osType: "linux" | "windows";
  dataDiskCount: number;
}) {
  const t = useTranslations("Instances.nextSteps");
  return (
    <Notice tone="success" live="status" title={t("title", { instanceId })}>
      <ol className="list-decimal space-y-1 pl-5">
        <li>{t("systemDisk")}</li>
        {dataDiskCount > 0 ? (
          osType === "linux" ? (
            <li>
              {t("linuxDataDisks")}
              <code className="mt-1 block rounded bg-white/70 px-2 py-1 font-mono text-xs">
                mkfs.ext4 /dev/vdb && mkdir -p /data && mount /dev/vdb /data
              </code>
            </li>
          ) : (
            <li>{t("windowsDataDisks")}</li>
          )
        ) : null}
        <li>{t("standaloneDisks")}</li>
      </ol>
      <Link
        href={`/${regionId}/instances/${instanceId}`}
        className="mt-2 inline-block font-medium text-blue-700 underline"
      >
        {t("open", { instanceId })}
      </Link>
    </Notice>
  );
}
