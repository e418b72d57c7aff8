"use client";

import Link from "next/link";
import { KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SERVICE_KEY_OPTION, type EncryptionRules } from "@/components/disks/create-disk-schema";

export type KeyOption = { keyId: string; label: string };

/** What the fields edit: the Create disk form, or a dialog's encryption choice (Copy and Encrypt, …). */
export type EncryptionChoice = { encrypted: boolean; kmsKeyId: string };

/**
 * The Encrypted checkbox, the KMS key selector (service key first and preselected, then the
 * region's enabled customer master keys) and every rule that applies, as notices beside them
 * before anything is sent: a region without encryption or without customer master keys, a
 * category that cannot be encrypted, encryption by default, that encryption cannot be undone,
 * and — for a customer master key ECS may not use yet — "Go to Authorize".
 */
export function DiskEncryptionFields<S extends EncryptionChoice>({
  regionId,
  regionName,
  categoryLabel,
  state,
  rules,
  serviceKeyId,
  cmks,
  onChange,
  onAuthorize,
  lockedHint,
  idPrefix = "disk",
}: {
  regionId: string;
  regionName: string;
  categoryLabel: string;
  state: S;
  rules: EncryptionRules;
  serviceKeyId?: string;
  cmks: KeyOption[];
  onChange: (next: S) => void;
  onAuthorize: () => void;
  /** Why the checkbox is ticked and locked, when something other than encryption by default locks it. */
  lockedHint?: string;
  /** Prefix of the controls' ids, for a second set on one page (a dialog over the create page). */
  idPrefix?: string;
}) {
  const t = useTranslations("Disks.create.encryption");
  const notices: { id: string; tone: "info" | "warning" | "danger"; text: React.ReactNode }[] = [];
  if (rules.isRegionWithoutEncryption)
    notices.push({
      id: "notice-region-encryption",
      tone: "warning",
      text: t("regionWithoutEncryption", { region: regionName }),
    });
  if (rules.isRegionWithoutCmk)
    notices.push({
      id: "notice-region-cmk",
      tone: "warning",
      text: t("regionWithoutCmk", { region: regionName }),
    });
  if (rules.isCategoryNotEncryptable && !rules.isRegionWithoutEncryption)
    notices.push({
      id: "notice-category",
      tone: "warning",
      text: t("categoryNotEncryptable", { category: categoryLabel }),
    });
  if (rules.isCategoryBlockedByDefault)
    notices.push({
      id: "notice-category-default",
      tone: "danger",
      text: t("categoryBlockedByDefault", { category: categoryLabel }),
    });
  if (rules.isLockedByDefault)
    notices.push({
      id: "notice-default",
      tone: "info",
      text: t.rich("lockedByDefault", {
        region: regionName,
        link: (chunks) => (
          <Link href={`/${regionId}/settings/encryption`} className="font-medium underline">
            {chunks}
          </Link>
        ),
      }),
    });
  if (rules.isEncrypted)
    notices.push({ id: "notice-irreversible", tone: "warning", text: t("irreversible") });

  const describedBy = [`${idPrefix}-encrypted-hint`, ...notices.map((notice) => notice.id)].join(
    " ",
  );
  const isKnownCmk = cmks.some((key) => key.keyId === state.kmsKeyId);

  return (
    <div className="space-y-4">
      <div className="flex items-start gap-2.5">
        <input
          id={`${idPrefix}-encrypted`}
          type="checkbox"
          className="mt-0.5 size-4 accent-blue-600 disabled:cursor-not-allowed"
          checked={rules.isEncrypted}
          disabled={!rules.canToggle}
          aria-describedby={describedBy}
          onChange={(event) => onChange({ ...state, encrypted: event.target.checked })}
        />
        <div>
          <label htmlFor={`${idPrefix}-encrypted`} className="text-sm font-medium text-slate-800">
            {t("checkbox")}
          </label>
          <p id={`${idPrefix}-encrypted-hint`} className="mt-0.5 text-xs text-slate-500">
            {lockedHint && !rules.canToggle && rules.isEncrypted
              ? lockedHint
              : rules.isLockedByDefault
                ? t("checkboxHintLocked")
                : rules.canToggle
                  ? t("checkboxHint")
                  : t("checkboxHintUnavailable")}
          </p>
        </div>
      </div>
      {rules.isEncrypted ? (
        <Field
          id={`${idPrefix}-kms-key`}
          label={t("key")}
          hint={t.rich("keyHint", {
            link: (chunks) => (
              <Link href={`/${regionId}/kms/keys`} className="text-blue-700 hover:underline">
                {chunks}
              </Link>
            ),
          })}
          className="max-w-lg"
        >
          {(control) => (
            <Select
              {...control}
              value={state.kmsKeyId}
              onChange={(event) => onChange({ ...state, kmsKeyId: event.target.value })}
            >
              <option value={SERVICE_KEY_OPTION} title={serviceKeyId}>
                {t("serviceKey")}
              </option>
              {cmks.length > 0 || (!isKnownCmk && state.kmsKeyId !== SERVICE_KEY_OPTION) ? (
                <optgroup label={t("cmkGroup")}>
                  {cmks.map((key) => (
                    <option key={key.keyId} value={key.keyId}>
                      {key.label}
                    </option>
                  ))}
                  {!isKnownCmk && state.kmsKeyId !== SERVICE_KEY_OPTION ? (
                    <option value={state.kmsKeyId}>{state.kmsKeyId}</option>
                  ) : null}
                </optgroup>
              ) : null}
            </Select>
          )}
        </Field>
      ) : null}
      {notices.map((notice) => (
        <div key={notice.id} id={notice.id}>
          <Notice tone={notice.tone} live="alert">
            {notice.text}
          </Notice>
        </div>
      ))}
      {rules.needsAuthorization ? (
        <div id="notice-authorize">
          <Notice tone="warning" live="alert" title={t("authorizeTitle")}>
            <p>{t("authorizeBody")}</p>
            <Button variant="primary" size="sm" className="mt-2" onClick={onAuthorize}>
              <KeyRound aria-hidden className="size-3.5" />
              {t("goToAuthorize")}
            </Button>
          </Notice>
        </div>
      ) : null}
    </div>
  );
}
