import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { ROOT_KEY_FILE } from "@/lib/emulator/settings";

/** Says plainly that a generated root key means a local demo setup, and how to supply one. */
export async function DemoKeyNotice({ dataDir }: { dataDir: string }) {
  const t = await getTranslations("DemoKey");
  const rootKeyFile = `${dataDir.replace(/\/+$/, "")}/${ROOT_KEY_FILE}`;
  return (
    <Notice tone="warning" title={t("title")}>
      <p>
        {t.rich("body", {
          path: rootKeyFile,
          file: (chunks) => (
            <code className="rounded bg-amber-100 px-1 py-0.5 font-mono text-xs">{chunks}</code>
          ),
        })}
      </p>
      <p>{t("howTo")}</p>
      <pre className="overflow-x-auto rounded bg-slate-900 px-3 py-2 font-mono text-xs text-slate-100">
        DISKSEAL_ROOT_KEY=&quot;$(openssl rand -base64 32)&quot; DISKSEAL_DATA_DIR=./data-secure npm
        start
      </pre>
    </Notice>
  );
}
