import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

/**
 * A resource list: `caption` names the table (role `table` with that name in tests; visually
 * hidden unless `showCaption`). Later issues build disk, key and instance lists on it.
 */
export function Table({
  caption,
  showCaption = false,
  className,
  children,
  ...props
}: HTMLAttributes<HTMLTableElement> & { caption: string; showCaption?: boolean }) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className={cn("w-full border-collapse text-left text-sm", className)} {...props}>
        <caption
          className={
            showCaption ? "px-4 py-2 text-left text-sm font-semibold text-slate-900" : "sr-only"
          }
        >
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

export function TableHead({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead className={cn("bg-slate-50 text-xs text-slate-600", className)} {...props} />;
}

export function TableBody({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody className={cn("divide-y divide-slate-100", className)} {...props} />;
}

export function TableRow({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cn("hover:bg-slate-50/60", className)} {...props} />;
}

export function TableHeaderCell({
  className,
  scope = "col",
  ...props
}: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope={scope}
      className={cn("px-4 py-2.5 font-medium whitespace-nowrap", className)}
      {...props}
    />
  );
}

export function TableCell({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("px-4 py-3 align-middle text-slate-800", className)} {...props} />;
}

/** The row shown when a list is empty, spanning every column. */
export function TableEmpty({ colSpan, children }: { colSpan: number; children: React.ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="px-4 py-10 text-center text-sm text-slate-500">
        {children}
      </td>
    </tr>
  );
}
