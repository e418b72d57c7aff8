import type { ButtonHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost" | "link";
export type ButtonSize = "sm" | "md";

const VARIANTS: Record<ButtonVariant, string> = {
  primary:
    "bg-blue-600 text-white hover:bg-blue-700 focus-visible:outline-blue-600 disabled:bg-blue-300",
  secondary:
    "border border-slate-300 bg-white text-slate-800 hover:border-blue-500 hover:text-blue-700 focus-visible:outline-blue-600 disabled:text-slate-400 disabled:hover:border-slate-300",
  danger:
    "bg-red-600 text-white hover:bg-red-700 focus-visible:outline-red-600 disabled:bg-red-300",
  ghost:
    "text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-blue-600 disabled:text-slate-300",
  /** A table row's text actions (Disable, Schedule deletion), as the consoles show them. */
  link: "text-blue-700 hover:text-blue-900 hover:underline focus-visible:outline-blue-600 disabled:text-slate-300 disabled:no-underline",
};

const SIZES: Record<ButtonSize, string> = {
  sm: "h-7 gap-1.5 px-2.5 text-xs",
  md: "h-8 gap-2 px-3.5 text-sm",
};

/** Text links sit in a line of text: no box to pad. */
const LINK_SIZES: Record<ButtonSize, string> = {
  sm: "h-6 gap-1 px-1 text-xs",
  md: "h-7 gap-1.5 px-1 text-sm",
};

/** The classes of a button, for links that look like one. */
export function buttonClasses({
  variant = "secondary",
  size = "md",
}: { variant?: ButtonVariant; size?: ButtonSize } = {}) {
  return cn(
    "inline-flex shrink-0 items-center justify-center rounded font-medium whitespace-nowrap transition-colors",
    "focus-visible:outline-2 focus-visible:outline-offset-2 disabled:cursor-not-allowed",
    VARIANTS[variant],
    variant === "link" ? LINK_SIZES[size] : SIZES[size],
  );
}

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
};

export function Button({ variant, size, className, type = "button", ...props }: ButtonProps) {
  return (
    <button type={type} className={cn(buttonClasses({ variant, size }), className)} {...props} />
  );
}
