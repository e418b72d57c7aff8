import type { ReactNode } from "react";
import { AlertTriangle, CheckCircle2, Info, XCircle } from "lucide-react";
import { cn } from "@/components/ui/cn";

export type NoticeTone = "info" | "success" | "warning" | "danger";

const TONES: Record<NoticeTone, { box: string; icon: string; Icon: typeof Info }> = {
  info: { box: "border-blue-200 bg-blue-50 text-blue-950", icon: "text-blue-600", Icon: Info },
  success: {
    box: "border-emerald-200 bg-emerald-50 text-emerald-950",
    icon: "text-emerald-600",
    Icon: CheckCircle2,
  },
  warning: {
    box: "border-amber-300 bg-amber-50 text-amber-950",
    icon: "text-amber-600",
    Icon: AlertTriangle,
  },
  danger: { box: "border-red-200 bg-red-50 text-red-950", icon: "text-red-600", Icon: XCircle },
};

/**
 * An inline message. `live` decides how assistive technology hears it: "alert" interrupts
 * (errors), "status" waits (results); "none" for a notice that is simply part of the page.
 */
export function Notice({
  tone = "info",
  title,
  children,
  live = tone === "danger" ? "alert" : "none",
  className,
}: {
  tone?: NoticeTone;
  title?: ReactNode;
  children?: ReactNode;
  live?: "alert" | "status" | "none";
  className?: string;
}) {
  const { box, icon, Icon } = TONES[tone];
  return (
    <div
      role={live === "none" ? undefined : live}
      className={cn("flex gap-3 rounded-md border px-4 py-3 text-sm", box, className)}
    >
      <Icon aria-hidden className={cn("mt-0.5 size-4 shrink-0", icon)} />
      <div className="min-w-0 space-y-1 leading-6">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children}
      </div>
    </div>
  );
}

/**
 * A failed action: the service's message and its Alibaba error code, as the console shows
 * errors. `codeLabel` is the translated line naming the code ("Error code: Forbidden.RAM").
 */
export function ErrorNotice({
  message,
  codeLabel,
  detail,
}: {
  message: string;
  codeLabel: string;
  /** A line that explains the refusal further (the RAM policy that denied it). */
  detail?: ReactNode;
}) {
  return (
    <Notice tone="danger" live="alert">
      <p>{message}</p>
      {detail ? <p className="font-medium">{detail}</p> : null}
      <p className="font-mono text-xs text-red-800">{codeLabel}</p>
    </Notice>
  );
}
