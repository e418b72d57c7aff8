import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";

/** Key detail › Public key (asymmetric keys): the primary version's PEM, to copy. */
export async function PublicKeyCard({ pem }: { pem: string }) {
  const t = await getTranslations("Kms.detail.publicKey");
  const tCommon = await getTranslations("Common");
  return (
    <Card
      id="key-public-key"
      title={t("title")}
      description={t("description")}
      actions={
        <CopyButton
          value={pem}
          label={tCommon("copy", { label: t("label") })}
          copiedLabel={tCommon("copied")}
          showLabel
        />
      }
    >
      <pre
        aria-label={t("title")}
        tabIndex={0}
        className="overflow-x-auto rounded border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-xs leading-5 text-slate-800"
      >
        {pem.trim()}
      </pre>
    </Card>
  );
}
