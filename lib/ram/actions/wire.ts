import { z } from "zod";
import { isoSeconds } from "@/lib/clock";
import { int, str } from "@/lib/openapi/params";
import { RAM_LIMITS } from "@/lib/ram/names";
import type { MarkerPage } from "@/lib/ram/paging";
import type { UserView } from "@/lib/ram/users";
import type { GroupView } from "@/lib/ram/groups";
import type { RoleView } from "@/lib/ram/roles";

/**
 * Shared pieces of RAM's wire (the @alicloud/ram20150501 models): names are given as strings
 * and checked by the services (so the console gets the same codes), dates are ISO 8601 to the
 * second, lists are `{Users:{User:[…]}}` and pages carry IsTruncated and Marker.
 */
export const name = () => str({ max: 4096 });
/** Free text and documents: their limits are the services' (with RAM's `.Length` codes). */
export const text = () => str({ max: 65536 });
export const optionalText = () => text().optional();

export const markerParams = {
  Marker: str({ max: 1024 }).optional(),
  MaxItems: int({ min: RAM_LIMITS.maxItems.min, max: RAM_LIMITS.maxItems.max }).optional(),
};

export const markerInput = (p: { Marker?: string; MaxItems?: number }) => ({ marker: p.Marker, maxItems: p.MaxItems });

export function pageWire<T>(page: MarkerPage<T>) {
  return { IsTruncated: page.isTruncated, ...(page.marker ? { Marker: page.marker } : {}) };
}

export const date = (value: Date) => isoSeconds(value);

export const userWire = (user: UserView, detail: "create" | "full") => ({
  UserId: user.userId,
  UserName: user.userName,
  DisplayName: user.displayName,
  MobilePhone: user.mobilePhone,
  Email: user.email,
  Comments: user.comments,
  CreateDate: date(user.createdAt),
  ...(detail === "full" ? { UpdateDate: date(user.updatedAt) } : {}),
});

export const groupWire = (group: GroupView, detail: "create" | "full") => ({
  GroupId: group.groupId,
  GroupName: group.groupName,
  Comments: group.comments,
  CreateDate: date(group.createdAt),
  ...(detail === "full" ? { UpdateDate: date(group.updatedAt) } : {}),
});

export const roleWire = (role: RoleView, detail: "create" | "full" | "list") => ({
  RoleId: role.roleId,
  RoleName: role.roleName,
  Arn: role.arn,
  Description: role.description,
  ...(detail !== "list" ? { AssumeRolePolicyDocument: role.assumeRolePolicyDocument } : {}),
  MaxSessionDuration: role.maxSessionDuration,
  CreateDate: date(role.createdAt),
  ...(detail !== "create" ? { UpdateDate: date(role.updatedAt) } : {}),
});

export const empty = z.object({});
