"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** A link to the key list of the region in the current URL (not-found pages get no params). */
export function KeysLink({ className, children }: { className?: string; children: ReactNode }) {
  const region = usePathname().split("/")[1];
  return (
    <Link href={region ? `/${region}/kms/keys` : "/"} className={className}>
      {children}
    </Link>
  );
}
