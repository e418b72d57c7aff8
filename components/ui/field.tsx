import type {
  InputHTMLAttributes,
  LabelHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
} from "react";
import { cn } from "@/components/ui/cn";

const CONTROL =
  "h-8 rounded border bg-white px-2.5 text-sm text-slate-900 transition-colors " +
  "focus:border-blue-500 focus:outline-none focus:ring-2 focus:ring-blue-500/20 " +
  "disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-400";

export function Label({ className, ...props }: LabelHTMLAttributes<HTMLLabelElement>) {
  return <label className={cn("text-xs font-medium text-slate-700", className)} {...props} />;
}

export function Input({
  className,
  "aria-invalid": invalid,
  ...props
}: InputHTMLAttributes<HTMLInputElement>) {
  return (
    <input
      aria-invalid={invalid}
      className={cn(CONTROL, invalid ? "border-red-500" : "border-slate-300", className)}
      {...props}
    />
  );
}

export function Select({
  className,
  "aria-invalid": invalid,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select
      aria-invalid={invalid}
      className={cn(CONTROL, "pr-8", invalid ? "border-red-500" : "border-slate-300", className)}
      {...props}
    />
  );
}

/**
 * A labelled control with its hint and error. The control is passed as a render function so
 * that it receives the ids that tie it to its label, hint and error.
 */
export function Field({
  id,
  label,
  hint,
  error,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  className?: string;
  children: (control: {
    id: string;
    "aria-describedby"?: string;
    "aria-invalid"?: boolean;
  }) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <Label htmlFor={id}>{label}</Label>
      {children({ id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
      {hint ? (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-xs text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
