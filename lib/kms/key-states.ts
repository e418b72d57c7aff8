import { AppError } from "@/lib/errors";

/**
 * The key states and what each operation gets in each of them: Alibaba's table "Impact of CMK
 * status on API operations" (reference/alibaba-api-notes.md "KMS key states", the full one),
 * as data. Rows the table does not list (versions, asymmetric operations, import, tags) are
 * DiskSeal's choice, marked below and in lib/kms/README.md. Pure: no Prisma, no clock.
 */
export const KEY_STATES = ["Enabled", "Disabled", "PendingDeletion", "PendingImport"] as const;
export type KeyState = (typeof KEY_STATES)[number];

export type Rejection =
  | "Rejected.Disabled"
  | "Rejected.PendingDeletion"
  | "Rejected.PendingImport"
  | "Rejected.StateModifiedFailed";
export type StateOutcome = "ok" | Rejection;
type Row = Readonly<Record<KeyState, StateOutcome>>;

const ALWAYS: Row = { Enabled: "ok", Disabled: "ok", PendingDeletion: "ok", PendingImport: "ok" };
/** Cryptographic use needs an Enabled key. */
const IN_USE: Row = {
  Enabled: "ok",
  Disabled: "Rejected.Disabled",
  PendingDeletion: "Rejected.PendingDeletion",
  PendingImport: "Rejected.PendingImport",
};
/** Metadata changes: anything but a key on its way out. */
const NOT_PENDING_DELETION: Row = { ...ALWAYS, PendingDeletion: "Rejected.PendingDeletion" };
const SMF = "Rejected.StateModifiedFailed";

export const KEY_STATE_TABLE = {
  // From Alibaba's table.
  GenerateDataKey: IN_USE,
  GenerateDataKeyWithoutPlaintext: IN_USE,
  Encrypt: IN_USE,
  Decrypt: IN_USE,
  UpdateRotationPolicy: IN_USE,
  UpdateKeyDescription: NOT_PENDING_DELETION,
  TagResource: NOT_PENDING_DELETION,
  CreateKey: ALWAYS,
  ListKeys: ALWAYS,
  DescribeKey: ALWAYS,
  DeleteAlias: ALWAYS,
  ListAliases: ALWAYS,
  EnableKey: { Enabled: "ok", Disabled: "ok", PendingDeletion: SMF, PendingImport: SMF },
  DisableKey: { Enabled: "ok", Disabled: "ok", PendingDeletion: SMF, PendingImport: SMF },
  ScheduleKeyDeletion: { Enabled: "ok", Disabled: "ok", PendingDeletion: SMF, PendingImport: "ok" },
  CancelKeyDeletion: { Enabled: SMF, Disabled: SMF, PendingDeletion: "ok", PendingImport: SMF },
  CreateAlias: { Enabled: "ok", Disabled: "ok", PendingDeletion: SMF, PendingImport: "ok" },
  // UpdateAlias: "affected only by the target key"; the table's cell for a target in
  // PendingDeletion is cut off in the source — CreateAlias's rule, since both bind an alias.
  UpdateAlias: { Enabled: "ok", Disabled: "ok", PendingDeletion: SMF, PendingImport: "ok" },

  // DiskSeal's choices for rows the table does not have.
  ReEncrypt: IN_USE, // a Decrypt then an Encrypt: both keys must be usable
  GetPublicKey: IN_USE,
  AsymmetricSign: IN_USE,
  AsymmetricVerify: IN_USE,
  AsymmetricEncrypt: IN_USE,
  AsymmetricDecrypt: IN_USE,
  CreateKeyVersion: IN_USE, // a rotation, like UpdateRotationPolicy
  UntagResource: NOT_PENDING_DELETION, // TagResource's row
  SetDeletionProtection: NOT_PENDING_DELETION, // the API's doc: "not in the PendingDeletion state"
  GetParametersForImport: NOT_PENDING_DELETION,
  ImportKeyMaterial: NOT_PENDING_DELETION,
  DeleteKeyMaterial: ALWAYS, // PendingDeletion keeps its state and DeleteDate (api-extras §6.4)
  ListAliasesByKeyId: ALWAYS,
  ListResourceTags: ALWAYS,
  ListKeyVersions: ALWAYS,
  DescribeKeyVersion: ALWAYS,
  ListKeyAssociations: ALWAYS, // DiskSeal's own: the console's key association check
} as const satisfies Record<string, Row>;

export type KeyStateAction = keyof typeof KEY_STATE_TABLE;

const REJECTION_MESSAGES: Record<Rejection, string> = {
  "Rejected.Disabled": "The request was rejected because the key state is Disabled.",
  "Rejected.PendingDeletion": "The request was rejected because the key state is PendingDeletion.",
  "Rejected.PendingImport": "The request was rejected because the key state is PendingImport.",
  "Rejected.StateModifiedFailed": "Keystate modified failed.",
};

export function keyStateOutcome(action: KeyStateAction, state: KeyState): StateOutcome {
  return KEY_STATE_TABLE[action][state];
}

/** Throws the table's refusal (HTTP 409, as every state rejection is) unless `action` is allowed. */
export function assertKeyStateAllows(action: KeyStateAction, state: KeyState): void {
  const outcome = keyStateOutcome(action, state);
  if (outcome !== "ok") throw new AppError(outcome, REJECTION_MESSAGES[outcome], 409);
}

/** What the effective state is derived from (a KmsKey row has these fields). */
export type KeyStateFacts = {
  keyState: string;
  origin: string;
  deleteDate: Date | null;
  materialExpireTime: Date | null;
};

/**
 * The state a key is in at `now`. The scheduler applies expiry and deletion within a tick, but
 * a request between the due time and that tick must already see them: expired imported
 * material is PendingImport (api-extras §6.4), and a key whose window ended is gone.
 */
export function effectiveKeyState(key: KeyStateFacts, now: Date): KeyState {
  const stored = toKeyState(key.keyState);
  if (stored === "PendingDeletion") return stored;
  const expired =
    key.origin === "EXTERNAL" && key.materialExpireTime !== null && key.materialExpireTime <= now;
  return expired ? "PendingImport" : stored;
}

/** Whether the deletion window has ended: the key and its material no longer exist. */
export function isKeyGone(key: KeyStateFacts, now: Date): boolean {
  return key.keyState === "PendingDeletion" && key.deleteDate !== null && key.deleteDate <= now;
}

function toKeyState(value: string): KeyState {
  if ((KEY_STATES as readonly string[]).includes(value)) return value as KeyState;
  throw new Error(`Stored key state ${value} is not a KMS key state.`);
}
