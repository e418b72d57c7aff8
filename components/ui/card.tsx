import type { HTMLAttributes, ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** A white panel with an optional titled header; `aria-labelledby` ties the section to its title. */
export function Card({
  title,
  description,
  actions,
  children,
  className,
  id,
  ...props
}: Omit<HTMLAttributes<HTMLElement>, "title"> & {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  id?: string;
}) {
  const headingId = title && id ? `${id}-title` : undefined;
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      className={cn("rounded-md border border-slate-200 bg-white shadow-xs", className)}
      {...props}
    >
      {title ? (
        <header className="flex items-start justify-between gap-4 border-b border-slate-100 px-5 py-3.5">
          <div className="min-w-0">
            <h2 id={headingId} className="text-sm font-semibold text-slate-900">
              {title}
            </h2>
            {description ? (
              <p className="mt-0.5 text-xs leading-5 text-slate-500">{description}</p>
            ) : null}
          </div>
          {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
        </header>
      ) : null}
      <div className="px-5 py-4">{children}</div>
    </section>
  );
}
