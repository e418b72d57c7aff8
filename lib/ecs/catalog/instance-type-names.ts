/**
 * The family an instance type belongs to, from its name alone: `ecs.g7.large` → `ecs.g7`,
 * `ecs.u1-c1m2.large` → `ecs.u1`, `ecs.e-c1m2.large` → `ecs.e`; a family name maps to itself.
 * Alibaba names types `<family>[-c<cpu>m<memory>].<size>`; this rule lets the restriction
 * checks work for types outside our catalog too.
 */
export function instanceFamilyOf(typeOrFamily: string): string {
  const parts = typeOrFamily.split(".");
  const withoutSize = parts.length >= 3 ? parts.slice(0, 2).join(".") : typeOrFamily;
  return withoutSize.replace(/-l?c\d+m\d+$/, "");
}
