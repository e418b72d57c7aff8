import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses, type ButtonVariant } from "@/components/ui/button";

/**
 * A link styled as a button (Create disk, Create instance) that becomes a disabled button with
 * its reason — as a tooltip and as the button's accessible description — when the signed-in
 * identity may not use it (components/shared/denied-reasons.ts).
 */
export function PermittedLink({
  id,
  href,
  deniedReason,
  variant = "primary",
  children,
}: {
  id: string;
  href: string;
  deniedReason?: string;
  variant?: ButtonVariant;
  children: ReactNode;
}) {
  if (!deniedReason)
    return (
      <Link href={href} className={buttonClasses({ variant })}>
        {children}
      </Link>
    );
  return (
    <span title={deniedReason}>
      <button
        type="button"
        disabled
        aria-describedby={`${id}-denied`}
        className={buttonClasses({ variant })}
      >
        {children}
      </button>
      <span id={`${id}-denied`} className="sr-only">
        {deniedReason}
      </span>
    </span>
  );
}
