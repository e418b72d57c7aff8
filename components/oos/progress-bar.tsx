import { cn } from "@/components/ui/cn";

/** A labelled progress bar (role="progressbar", so it reads as one and tests can find it by name). */
export function ProgressBar({ value, label, tone = "blue", className }: { value: number; label: string; tone?: "blue" | "green" | "red" | "amber"; className?: string }) {
  const fill = { blue: "bg-blue-600", green: "bg-emerald-600", red: "bg-red-600", amber: "bg-amber-500" }[tone];
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      className={cn("h-2 w-full overflow-hidden rounded-full bg-slate-200", className)}
    >
      <div className={cn("h-full transition-[width] duration-500", fill)} style={{ width: `${value}%` }} />
    </div>
  );
}
