import type { ActionResult } from "@/lib/console/server-action";
import type { KeyAssociation } from "@/lib/kms/key-associations";
import type { CreateKeyFormInput } from "@/components/kms/create-key-schema";

/**
 * The server actions the key pages hand to their client components (app/(console)/[region]/
 * kms/keys/**). Every input names the region, so each action runs in the page's region.
 */
export type KeyRef = { regionId: string; keyId: string };

export type KeyStateAction = "enable" | "disable" | "scheduleDeletion" | "cancelDeletion";

/** The RAM action each button needs (the permission probe disables what the user may not use). */
export const KEY_STATE_RAM_ACTIONS: Record<KeyStateAction, string> = {
  enable: "kms:EnableKey",
  disable: "kms:DisableKey",
  scheduleDeletion: "kms:ScheduleKeyDeletion",
  cancelDeletion: "kms:CancelKeyDeletion",
};

/** Enable, Disable, Schedule deletion, Cancel deletion, and the check their dialogs run first. */
export type KeyStateActions = {
  enableKey: (input: KeyRef) => Promise<ActionResult<null>>;
  disableKey: (input: KeyRef) => Promise<ActionResult<null>>;
  scheduleKeyDeletion: (
    input: KeyRef & { pendingWindowInDays: number },
  ) => Promise<ActionResult<{ deleteDate: Date }>>;
  cancelKeyDeletion: (input: KeyRef) => Promise<ActionResult<null>>;
  listKeyAssociations: (input: KeyRef) => Promise<ActionResult<KeyAssociation[]>>;
};

export type CreateKeyResult = {
  keyId: string;
  /** The key exists, but the alias asked for could not be added (taken, refused). */
  aliasError?: { code: string; message: string };
};

export type CreateKeyAction = (
  input: { regionId: string } & CreateKeyFormInput,
) => Promise<ActionResult<CreateKeyResult>>;

/** The detail page's settings: aliases, tags, rotation, deletion protection, versions. */
export type KeySettingsActions = {
  createAlias: (input: KeyRef & { aliasName: string }) => Promise<ActionResult<null>>;
  deleteAlias: (input: KeyRef & { aliasName: string }) => Promise<ActionResult<null>>;
  tagKey: (input: KeyRef & { tagKey: string; tagValue: string }) => Promise<ActionResult<null>>;
  untagKey: (input: KeyRef & { tagKey: string }) => Promise<ActionResult<null>>;
  updateRotationPolicy: (
    input: KeyRef & { enableAutomaticRotation: boolean; rotationInterval?: string },
  ) => Promise<ActionResult<null>>;
  setDeletionProtection: (
    input: KeyRef & { enableDeletionProtection: boolean },
  ) => Promise<ActionResult<null>>;
  createKeyVersion: (input: KeyRef) => Promise<ActionResult<null>>;
};
