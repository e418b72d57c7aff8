import {
  Boxes,
  ClipboardList,
  Disc3,
  HardDrive,
  KeyRound,
  LayoutDashboard,
  Layers,
  Server,
  Settings,
  ShieldCheck,
  UserCog,
  Workflow,
  type LucideIcon,
} from "lucide-react";

/**
 * The console's side navigation, in one list. Each entry says whether its page exists yet:
 * an issue that builds a page flips `built` to true, and the nav links it (and the region
 * selector keeps the user on it when the region changes). Entries that are not built show
 * greyed out, without a link.
 *
 * `path` is the part of the URL after `/<regionId>/`; `label` is a key of the `Nav` messages.
 */
export type NavLabel =
  | "overview"
  | "instances"
  | "disks"
  | "snapshots"
  | "images"
  | "kms"
  | "kmsKeys"
  | "ram"
  | "oos"
  | "audit"
  | "settings"
  | "settingsEmulator"
  | "settingsEncryption";

export type NavItem = {
  label: NavLabel;
  path: string;
  icon: LucideIcon;
  built: boolean;
  /** Pages under this entry, shown indented beneath it. */
  children?: NavItem[];
};

export type NavSection = {
  /** A key of `Nav.sections`, or none for the ungrouped entries at the top and bottom. */
  title?: "ecs" | "security" | "operations";
  items: NavItem[];
};

export const CONSOLE_NAV: readonly NavSection[] = [
  { items: [{ label: "overview", path: "overview", icon: LayoutDashboard, built: true }] },
  {
    title: "ecs",
    items: [
      { label: "instances", path: "instances", icon: Server, built: true },
      { label: "disks", path: "disks", icon: HardDrive, built: true },
      { label: "snapshots", path: "snapshots", icon: Layers, built: false },
      { label: "images", path: "images", icon: Disc3, built: false },
    ],
  },
  {
    title: "security",
    items: [
      {
        label: "kms",
        path: "kms",
        icon: KeyRound,
        built: true,
        children: [{ label: "kmsKeys", path: "kms/keys", icon: KeyRound, built: true }],
      },
      { label: "ram", path: "ram", icon: UserCog, built: false },
    ],
  },
  {
    title: "operations",
    items: [
      { label: "oos", path: "oos", icon: Workflow, built: false },
      { label: "audit", path: "audit", icon: ClipboardList, built: true },
      {
        label: "settings",
        path: "settings",
        icon: Settings,
        built: true,
        children: [
          { label: "settingsEmulator", path: "settings/emulator", icon: Boxes, built: true },
          {
            label: "settingsEncryption",
            path: "settings/encryption",
            icon: ShieldCheck,
            built: true,
          },
        ],
      },
    ],
  },
];

/** Every entry, children included, in nav order. */
export function flattenNav(sections: readonly NavSection[] = CONSOLE_NAV): NavItem[] {
  return sections.flatMap((section) =>
    section.items.flatMap((item) => [item, ...(item.children ?? [])]),
  );
}

/** Where an entry links: its first built child when it has children (Settings → Emulator, KMS → Keys). */
export function navHref(regionId: string, item: NavItem): string {
  const target = item.children?.find((child) => child.built) ?? item;
  return `/${regionId}/${target.path}`;
}

/** The built entry a console path (after the region) belongs to: the longest matching `path`. */
export function navItemOfPath(
  pagePath: string,
  sections: readonly NavSection[] = CONSOLE_NAV,
): NavItem | undefined {
  const clean = pagePath.replace(/^\/+|\/+$/g, "");
  return flattenNav(sections)
    .filter((item) => item.built && (clean === item.path || clean.startsWith(`${item.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

/**
 * The same page in another region. A resource's own page (`disks/d-123`) exists in one region
 * only, so the user lands on the list it belongs to; a page outside the nav goes to Overview.
 */
export function pathInRegion(pathname: string, regionId: string): string {
  const pagePath = pathname.split("/").slice(2).join("/");
  const item = navItemOfPath(pagePath);
  return `/${regionId}/${item ? item.path : "overview"}`;
}
