"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { CONSOLE_NAV, navHref, navItemOfPath, type NavItem } from "@/components/shell/nav-items";

/** The left navigation, built from CONSOLE_NAV; the current page is marked `aria-current`. */
export function SideNav({ regionId }: { regionId: string }) {
  const t = useTranslations("Nav");
  const tShell = useTranslations("Shell");
  const pathname = usePathname();
  const current = navItemOfPath(pathname.split("/").slice(2).join("/"));

  const entry = (item: NavItem, depth: 0 | 1) => {
    const Icon = item.icon;
    const isCurrent = current === item;
    const isWithin =
      current !== undefined && (current === item || item.children?.includes(current));
    const classes = cn(
      "flex h-8 items-center gap-2.5 rounded text-[13px]",
      depth === 0 ? "px-2.5" : "pr-2.5 pl-9",
      !isCurrent && "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
      isCurrent && "bg-blue-50 font-medium text-blue-700",
      isWithin && !isCurrent && depth === 0 && "font-medium text-slate-900",
    );
    const content = (
      <>
        {depth === 0 ? (
          <Icon
            aria-hidden
            className={cn("size-4 shrink-0", isWithin ? "text-blue-600" : "text-slate-400")}
          />
        ) : null}
        <span className="truncate">{t(item.label)}</span>
      </>
    );
    return (
      <li key={item.path}>
        <Link
          href={navHref(regionId, item)}
          aria-current={isCurrent ? "page" : undefined}
          className={classes}
        >
          {content}
        </Link>
        {item.children ? (
          <ul className="mt-0.5 space-y-0.5">{item.children.map((child) => entry(child, 1))}</ul>
        ) : null}
      </li>
    );
  };

  return (
    <nav aria-label={tShell("navigation")} className="space-y-4 px-3 py-4">
      {CONSOLE_NAV.map((section, index) => (
        <div key={section.title ?? `section-${index}`}>
          {section.title ? (
            <p className="mb-1 px-2.5 text-[11px] font-medium tracking-wide text-slate-400 uppercase">
              {t(`sections.${section.title}`)}
            </p>
          ) : null}
          <ul className="space-y-0.5">{section.items.map((item) => entry(item, 0))}</ul>
        </div>
      ))}
    </nav>
  );
}
