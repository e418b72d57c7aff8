"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { ChevronDown, CircleUserRound, LogIn, LogOut } from "lucide-react";
import Link from "next/link";
import { useTransition } from "react";

const ITEM =
  "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-slate-800 outline-none data-[highlighted]:bg-blue-50 data-[highlighted]:text-blue-700";

/** The top bar's identity and its menu (the switcher). Sign-out runs the server action, which redirects. */
export function IdentityMenu({
  kind,
  name,
  labels,
  canSignOut,
  signOutAction,
}: {
  kind: string;
  name: string;
  labels: { identity: string; signInAsUser: string; signOut: string };
  canSignOut: boolean;
  signOutAction: () => Promise<void>;
}) {
  const [isPending, startTransition] = useTransition();
  return (
    <div role="group" aria-label={labels.identity}>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger className="flex items-center gap-2 border-l border-slate-200 pl-3 text-left focus-visible:outline-2 focus-visible:outline-blue-600">
          <CircleUserRound aria-hidden className="size-6 text-slate-400" />
          <span className="leading-tight">
            <span className="block text-[11px] text-slate-500">{kind}</span>
            <span className="block font-mono text-xs text-slate-800">{name}</span>
          </span>
          <ChevronDown aria-hidden className="size-3.5 text-slate-400" />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            align="end"
            sideOffset={4}
            className="z-50 min-w-52 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg"
          >
            <DropdownMenu.Item asChild className={ITEM}>
              <Link href="/signin">
                <LogIn aria-hidden className="size-4 text-slate-500" />
                {labels.signInAsUser}
              </Link>
            </DropdownMenu.Item>
            {canSignOut ? (
              // Called from onSelect: the menu unmounts its content on select, so a <form> in it
              // would be gone before it submits. The action redirects when it is done.
              <DropdownMenu.Item
                className={ITEM}
                disabled={isPending}
                onSelect={() => startTransition(() => signOutAction())}
              >
                <LogOut aria-hidden className="size-4 text-slate-500" />
                {labels.signOut}
              </DropdownMenu.Item>
            ) : null}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
    </div>
  );
}
