"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** A link to the disk list of the region in the current URL (not-found pages get no params). */
export function DisksLink({ className, children }: { className?: string; children: ReactNode }) {
  const region = usePathname().split("/")[1];
  return (
    <Link href={region ? `/${region}/disks` : "/"} className={className}>
      {children}
    </Link>
  );
}
