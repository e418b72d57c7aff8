import Form from "next/form";
import Link from "next/link";
import { ChevronLeft, ChevronRight, LocateFixed } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Label } from "@/components/ui/field";
import { ErrorNotice, Notice } from "@/components/ui/notice";
import type { GuestView } from "@/lib/ecs/disks/console-media";
import type { Refusal } from "@/components/kms/read-or-refusal";
import { formatOffset, isAllZero, offsetDigitsFor } from "@/components/disks/hex-dump";
import { HexDumpTable } from "@/components/disks/hex-dump-table";

type Read<T> = { data: T; refusal?: undefined } | { data?: undefined; refusal: Refusal };

/**
 * The Media tab: the raw stored bytes of the disk (DiskSeal ReadDiskMedia) next to what the
 * guest reads at the same offset — the decrypted view exists only while the data key is in
 * memory (the disk attached to a running instance); otherwise the tab says so. The offset is in
 * the URL (`?tab=media&offset=0x2000`); it starts at the first written bytes.
 */
export async function DiskMediaPanel({
  basePath,
  encrypted,
  sizeBytes,
  offset,
  viewBytes,
  firstWritten,
  raw,
  guest,
}: {
  basePath: string;
  encrypted: boolean;
  sizeBytes: number;
  offset: number;
  viewBytes: number;
  firstWritten?: number;
  raw: Read<Buffer>;
  guest: Read<GuestView>;
}) {
  const t = await getTranslations("Disks.media");
  const tCommon = await getTranslations("Common");
  const href = (target: number) => `${basePath}?tab=media&offset=0x${target.toString(16)}`;
  const previous = Math.max(0, offset - viewBytes);
  const next = Math.min(Math.max(0, sizeBytes - viewBytes), offset + viewBytes);
  const digits = offsetDigitsFor(sizeBytes);
  const range = {
    from: formatOffset(offset, digits),
    to: formatOffset(offset + viewBytes - 1, digits),
  };
  const guestData = guest.data?.kind === "read" ? guest.data.data : undefined;
  const differs = raw.data && guestData ? !raw.data.equals(guestData) : false;
  const refusal = (r: Refusal) => (
    <ErrorNotice message={r.message} codeLabel={tCommon("errorCode", { code: r.code })} />
  );

  return (
    <Card id="disk-media" title={t("title")} description={t("description")}>
      <div className="space-y-4">
        <div className="flex flex-wrap items-end gap-3">
          <Form action={basePath} className="flex items-end gap-2">
            <input type="hidden" name="tab" value="media" />
            <div className="flex flex-col gap-1">
              <Label htmlFor="media-offset">{t("offset")}</Label>
              <Input
                id="media-offset"
                name="offset"
                defaultValue={`0x${offset.toString(16)}`}
                className="w-44 font-mono"
                aria-describedby="media-offset-hint"
              />
            </div>
            <Button type="submit">{t("go")}</Button>
          </Form>
          <nav aria-label={t("navigation")} className="flex flex-wrap gap-2">
            {offset === 0 ? (
              <Button disabled>
                <ChevronLeft aria-hidden className="size-4" />
                {t("previous", { bytes: viewBytes })}
              </Button>
            ) : (
              <Link href={href(previous)} className={buttonClasses({ size: "md" })}>
                <ChevronLeft aria-hidden className="size-4" />
                {t("previous", { bytes: viewBytes })}
              </Link>
            )}
            <Link href={href(next)} className={buttonClasses({ size: "md" })}>
              {t("next", { bytes: viewBytes })}
              <ChevronRight aria-hidden className="size-4" />
            </Link>
            {firstWritten !== undefined ? (
              <Link href={href(firstWritten)} className={buttonClasses({ size: "md" })}>
                <LocateFixed aria-hidden className="size-4" />
                {t("firstWritten")}
              </Link>
            ) : null}
          </nav>
        </div>
        <p id="media-offset-hint" className="text-xs text-slate-500">
          {t("offsetHint", range)}
        </p>
        {firstWritten === undefined ? (
          <Notice tone="info" live="status">
            {t("neverWritten")}
          </Notice>
        ) : null}
        <div className="grid gap-4 xl:grid-cols-2">
          <section aria-labelledby="media-raw-title" className="min-w-0 space-y-2">
            <h3 id="media-raw-title" className="text-sm font-semibold text-slate-900">
              {t("rawTitle")}
            </h3>
            <p className="text-xs text-slate-500">
              {encrypted ? t("rawEncrypted") : t("rawPlain")}
            </p>
            {raw.data ? (
              <>
                <HexDumpTable
                  caption={t("rawCaption", range)}
                  bytes={raw.data}
                  offset={offset}
                  offsetDigits={digits}
                />
                {isAllZero(raw.data) ? (
                  <p className="text-xs text-slate-500">{t("zeros")}</p>
                ) : null}
              </>
            ) : (
              refusal(raw.refusal)
            )}
          </section>
          <section aria-labelledby="media-guest-title" className="min-w-0 space-y-2">
            <h3 id="media-guest-title" className="text-sm font-semibold text-slate-900">
              {t("guestTitle")}
            </h3>
            <p className="text-xs text-slate-500">
              {encrypted ? t("guestEncrypted") : t("guestPlain")}
            </p>
            {guest.refusal ? (
              refusal(guest.refusal)
            ) : guest.data.kind === "read" ? (
              <HexDumpTable
                caption={t("guestCaption", range)}
                bytes={guest.data.data}
                offset={offset}
                offsetDigits={digits}
              />
            ) : guest.data.kind === "hung" ? (
              <Notice tone="danger" live="status" title={t("hungTitle")}>
                <p>{t("hung", { instanceId: guest.data.instanceId })}</p>
                <p className="font-mono text-xs">
                  {tCommon("errorCode", { code: guest.data.code })}
                </p>
              </Notice>
            ) : (
              <Notice tone="info" live="status" title={t("noKeyTitle")}>
                <p>{t("noKey")}</p>
                <p>
                  {guest.data.instanceId
                    ? t("noKeyStopped", { instanceId: guest.data.instanceId })
                    : t("noKeyDetached")}
                </p>
              </Notice>
            )}
          </section>
        </div>
        {differs ? (
          <Notice tone="success" live="status">
            {t("differs")}
          </Notice>
        ) : null}
        {!encrypted && raw.data && !isAllZero(raw.data) ? (
          <Notice tone="warning" live="status">
            {t("plainVisible")}
          </Notice>
        ) : null}
      </div>
    </Card>
  );
}
