import { cn } from "@/components/ui/cn";

/**
 * A determinate progress bar (role `progressbar` with its value), as the consoles show a
 * snapshot's or an image's progress. `label` names it for assistive technology and tests.
 */
export function ProgressBar({
  value,
  label,
  className,
}: {
  value: number;
  label: string;
  className?: string;
}) {
  const percent = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <span className={cn("flex items-center gap-2", className)}>
      <span
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="block h-1.5 w-24 overflow-hidden rounded-full bg-slate-200"
      >
        <span
          className="block h-full rounded-full bg-blue-600 transition-[width] duration-500"
          style={{ width: `${percent}%` }}
        />
      </span>
      <span className="text-xs text-slate-600 tabular-nums">{percent}%</span>
    </span>
  );
}
