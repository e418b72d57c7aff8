import { getTranslations } from "next-intl/server";
import { ErrorNotice } from "@/components/ui/notice";
import type { Refusal } from "@/components/kms/read-or-refusal";

/** A page read the service refused (`readOrRefusal`), shown in place of its data. */
export async function RefusalNotice({ refusal }: { refusal: Refusal }) {
  const tCommon = await getTranslations("Common");
  return (
    <ErrorNotice
      message={refusal.message}
      codeLabel={tCommon("errorCode", { code: refusal.code })}
    />
  );
}
