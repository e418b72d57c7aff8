"use client";

import * as Tabs from "@radix-ui/react-tabs";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { Field, Select } from "@/components/ui/field";
import { KEY_STATES } from "@/lib/kms/key-states";
import { keyListHref, type KeyListParams, type KeyListTab } from "@/components/kms/key-list-params";

const TABS: KeyListTab[] = ["default", "customer"];

/**
 * The key list's tabs (Default keys · Customer master keys) and state filter. Both live in the
 * URL: choosing one navigates, and the server component renders that list.
 */
export function KeyListControls({
  regionId,
  params,
  note,
  children,
}: {
  regionId: string;
  params: KeyListParams;
  /** Shown above the filter of the current tab (the Default keys explanation). */
  note?: ReactNode;
  children: ReactNode;
}) {
  const t = useTranslations("Kms");
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const navigate = (next: Partial<KeyListParams>) =>
    startTransition(() => router.push(keyListHref(regionId, next)));

  return (
    <Tabs.Root
      value={params.tab}
      activationMode="manual"
      onValueChange={(value) => navigate({ tab: value as KeyListTab })}
    >
      <Tabs.List aria-label={t("tabs.label")} className="flex gap-1 border-b border-slate-200">
        {TABS.map((tab) => (
          <Tabs.Trigger
            key={tab}
            value={tab}
            className={cn(
              "-mb-px border-b-2 px-3.5 py-2 text-sm font-medium transition-colors",
              "focus-visible:outline-2 focus-visible:outline-blue-600",
              "data-[state=active]:border-blue-600 data-[state=active]:text-blue-700",
              "data-[state=inactive]:border-transparent data-[state=inactive]:text-slate-600 data-[state=inactive]:hover:text-slate-900",
            )}
          >
            {t(`tabs.${tab}`)}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      <Tabs.Content
        value={params.tab}
        aria-busy={isPending || undefined}
        className={cn("space-y-4 pt-4 transition-opacity", isPending && "opacity-60")}
      >
        {note}
        <Field id="key-state-filter" label={t("stateFilter")} className="w-48">
          {(control) => (
            <Select
              {...control}
              value={params.state ?? ""}
              onChange={(event) =>
                navigate({
                  tab: params.tab,
                  state: (event.target.value || undefined) as KeyListParams["state"],
                })
              }
            >
              <option value="">{t("allStates")}</option>
              {KEY_STATES.map((state) => (
                <option key={state} value={state}>
                  {t(`states.${state}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {children}
      </Tabs.Content>
    </Tabs.Root>
  );
}
