import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";

export async function AccountCard({
  accountId,
  identity,
  regionId,
  regionName,
}: {
  accountId: string;
  identity: string;
  regionId: string;
  regionName: string;
}) {
  const t = await getTranslations("Overview.account");
  return (
    <Card id="overview-account" title={t("title")}>
      <DescriptionList
        items={[
          { label: t("accountId"), value: accountId, mono: true },
          { label: t("identity"), value: identity },
          { label: t("currentRegion"), value: regionName },
          { label: t("regionId"), value: regionId, mono: true },
        ]}
      />
    </Card>
  );
}
