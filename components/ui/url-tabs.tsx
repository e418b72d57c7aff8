"use client";

import * as Tabs from "@radix-ui/react-tabs";
import { useRouter } from "next/navigation";
import { useTransition, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/**
 * Tabs whose choice lives in the URL: choosing one navigates to `hrefOf(value)` and the server
 * renders that tab, so a tab's data is read only when it is opened. The content dims while the
 * next tab loads.
 */
export function UrlTabs<T extends string>({
  label,
  tabs,
  value,
  hrefOf,
  contentClassName,
  children,
}: {
  label: string;
  tabs: { value: T; label: string }[];
  value: T;
  hrefOf: (value: T) => string;
  /** Spacing of the content (e.g. `space-y-5`). */
  contentClassName: string;
  children: ReactNode;
}) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  return (
    <Tabs.Root
      value={value}
      activationMode="manual"
      onValueChange={(next) => startTransition(() => router.push(hrefOf(next as T)))}
    >
      <Tabs.List aria-label={label} className="flex gap-1 border-b border-slate-200">
        {tabs.map((tab) => (
          <Tabs.Trigger
            key={tab.value}
            value={tab.value}
            className={cn(
              "-mb-px border-b-2 px-3.5 py-2 text-sm font-medium transition-colors",
              "focus-visible:outline-2 focus-visible:outline-blue-600",
              "data-[state=active]:border-blue-600 data-[state=active]:text-blue-700",
              "data-[state=inactive]:border-transparent data-[state=inactive]:text-slate-600 data-[state=inactive]:hover:text-slate-900",
            )}
          >
            {tab.label}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      <Tabs.Content
        value={value}
        aria-busy={isPending || undefined}
        className={cn(contentClassName, "pt-5 transition-opacity", isPending && "opacity-60")}
      >
        {children}
      </Tabs.Content>
    </Tabs.Root>
  );
}
