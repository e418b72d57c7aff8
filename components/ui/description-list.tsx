import type { ReactNode } from "react";
import { useId } from "react";
import { cn } from "@/components/ui/cn";

export type DescriptionItem = { label: ReactNode; value: ReactNode; mono?: boolean };

/**
 * Label/value pairs. Each value is labelled by its term (`aria-labelledby`), so a test finds
 * "the value of Account ID" with `getByLabel("Account ID")`.
 */
export function DescriptionList({
  items,
  className,
  columns = 1,
}: {
  items: DescriptionItem[];
  className?: string;
  columns?: 1 | 2;
}) {
  const baseId = useId();
  return (
    <dl
      className={cn("grid gap-x-8 gap-y-3 text-sm", columns === 2 && "sm:grid-cols-2", className)}
    >
      {items.map((item, index) => {
        const termId = `${baseId}-${index}`;
        return (
          <div
            key={termId}
            className="grid min-w-0 grid-cols-[9.5rem_minmax(0,1fr)] items-baseline gap-3"
          >
            <dt id={termId} className="text-slate-500">
              {item.label}
            </dt>
            <dd
              aria-labelledby={termId}
              className={cn(
                "min-w-0 break-words text-slate-900",
                item.mono && "font-mono text-[13px]",
              )}
            >
              {item.value}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
