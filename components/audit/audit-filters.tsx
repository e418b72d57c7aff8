"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition, type FormEvent, type ReactNode } from "react";
import { Search } from "lucide-react";
import { Button, buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, Input } from "@/components/ui/field";
import { auditHref, type AuditParams } from "./audit-params";

const TEXT_FILTERS = ["principal", "action", "resource", "key", "result"] as const;
const TIME_FILTERS = ["from", "to"] as const;

/**
 * The trail's filters. They live in the URL: applying them navigates to their first page and
 * the server component renders it. Times are UTC on the emulator clock.
 */
export function AuditFilters({
  regionId,
  params,
  children,
}: {
  regionId: string;
  params: AuditParams;
  children: ReactNode;
}) {
  const t = useTranslations("Audit.filters");
  const router = useRouter();
  const [isPending, startTransition] = useTransition();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "").trim() || undefined;
    const next = Object.fromEntries(
      [...TEXT_FILTERS, ...TIME_FILTERS].map((name) => [name, value(name)]),
    );
    startTransition(() => router.push(auditHref(regionId, next)));
  };

  return (
    <div className="space-y-4">
      <form
        // A new URL (Clear, a link to one event) resets the fields to its filters.
        key={auditHref(regionId, params)}
        role="search"
        aria-label={t("label")}
        onSubmit={onSubmit}
        className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-white p-4"
      >
        {TEXT_FILTERS.map((name) => (
          <Field key={name} id={`audit-filter-${name}`} label={t(name)} className="w-48">
            {(control) => (
              <Input
                {...control}
                name={name}
                defaultValue={params[name] ?? ""}
                placeholder={t(`placeholders.${name}`)}
                list={name === "result" ? "audit-results" : undefined}
                autoComplete="off"
              />
            )}
          </Field>
        ))}
        <datalist id="audit-results">
          <option value="Success" />
          <option value="Failed" />
        </datalist>
        {TIME_FILTERS.map((name) => (
          <Field key={name} id={`audit-filter-${name}`} label={t(name)} className="w-52">
            {(control) => (
              <Input {...control} type="datetime-local" name={name} defaultValue={params[name] ?? ""} />
            )}
          </Field>
        ))}
        <div className="flex items-center gap-2">
          <Button type="submit" variant="primary" disabled={isPending}>
            <Search aria-hidden className="size-4" />
            {t("apply")}
          </Button>
          <Link href={auditHref(regionId, {})} className={buttonClasses({ variant: "ghost" })}>
            {t("clear")}
          </Link>
        </div>
      </form>
      <div
        aria-busy={isPending || undefined}
        className={cn("space-y-4 transition-opacity", isPending && "opacity-60")}
      >
        {children}
      </div>
    </div>
  );
}
