import {
  Boxes,
  ClipboardList,
  Disc3,
  FileText,
  FlaskConical,
  HardDrive,
  IdCard,
  KeyRound,
  LayoutDashboard,
  Layers,
  Server,
  Settings,
  ShieldCheck,
  User,
  UserCog,
  Users,
  Workflow,
  type LucideIcon,
} from "lucide-react";

/**
 * The console's side navigation, in one list: the side nav links each entry, and the region
 * selector keeps the user on the entry's page when the region changes.
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
  | "ramUsers"
  | "ramGroups"
  | "ramPolicies"
  | "ramRoles"
  | "ramSimulator"
  | "oos"
  | "audit"
  | "settings"
  | "settingsEmulator"
  | "settingsEncryption";

export type NavItem = {
  label: NavLabel;
  path: string;
  icon: LucideIcon;
  /** Pages under this entry, shown indented beneath it. */
  children?: NavItem[];
};

export type NavSection = {
  /** A key of `Nav.sections`, or none for the ungrouped entries at the top and bottom. */
  title?: "ecs" | "security" | "operations";
  items: NavItem[];
};

export const CONSOLE_NAV: readonly NavSection[] = [
  { items: [{ label: "overview", path: "overview", icon: LayoutDashboard }] },
  {
    title: "ecs",
    items: [
      { label: "instances", path: "instances", icon: Server },
      { label: "disks", path: "disks", icon: HardDrive },
      { label: "snapshots", path: "snapshots", icon: Layers },
      { label: "images", path: "images", icon: Disc3 },
    ],
  },
  {
    title: "security",
    items: [
      {
        label: "kms",
        path: "kms",
        icon: KeyRound,
        children: [{ label: "kmsKeys", path: "kms/keys", icon: KeyRound }],
      },
      {
        label: "ram",
        path: "ram",
        icon: UserCog,
        children: [
          { label: "ramUsers", path: "ram/users", icon: User },
          { label: "ramGroups", path: "ram/groups", icon: Users },
          { label: "ramPolicies", path: "ram/policies", icon: FileText },
          { label: "ramRoles", path: "ram/roles", icon: IdCard },
          { label: "ramSimulator", path: "ram/simulator", icon: FlaskConical },
        ],
      },
    ],
  },
  {
    title: "operations",
    items: [
      { label: "oos", path: "oos", icon: Workflow },
      { label: "audit", path: "audit", icon: ClipboardList },
      {
        label: "settings",
        path: "settings",
        icon: Settings,
        children: [
          { label: "settingsEmulator", path: "settings/emulator", icon: Boxes },
          {
            label: "settingsEncryption",
            path: "settings/encryption",
            icon: ShieldCheck,
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

/** Where an entry links: its first child when it has children (Settings → Emulator, KMS → Keys). */
export function navHref(regionId: string, item: NavItem): string {
  const target = item.children?.[0] ?? item;
  return `/${regionId}/${target.path}`;
}

/** The entry a console path (after the region) belongs to: the longest matching `path`. */
export function navItemOfPath(
  pagePath: string,
  sections: readonly NavSection[] = CONSOLE_NAV,
): NavItem | undefined {
  const clean = pagePath.replace(/^\/+|\/+$/g, "");
  return flattenNav(sections)
    .filter((item) => clean === item.path || clean.startsWith(`${item.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

/** Global services: their pages are the same in every region, resources included (RAM users). */
const GLOBAL_PATHS = ["ram/"];

/**
 * The same page in another region. A resource's own page (`disks/d-123`) exists in one region
 * only, so the user lands on the list it belongs to; a global service's page stays as it is; a
 * page outside the nav goes to Overview.
 */
export function pathInRegion(pathname: string, regionId: string): string {
  const pagePath = pathname.split("/").slice(2).join("/");
  if (GLOBAL_PATHS.some((prefix) => pagePath.startsWith(prefix))) return `/${regionId}/${pagePath}`;
  const item = navItemOfPath(pagePath);
  return `/${regionId}/${item ? item.path : "overview"}`;
}
