import { z } from "zod";
import { aliasNameProblem } from "@/lib/kms/alias-name";
import { aliasInputSchema, createKeyInputSchema } from "@/lib/kms/console-schemas";
import {
  canRotate,
  DEFAULT_KEY_SPEC,
  defaultKeyUsage,
  invalidKeySetting,
  isSymmetricKeySpec,
  type KeyOrigin,
  type KeySpec,
  type KeyUsage,
  type ProtectionLevel,
} from "@/lib/kms/key-specs";
import {
  MAX_ROTATION_INTERVAL_SECONDS,
  MIN_ROTATION_INTERVAL_SECONDS,
} from "@/lib/kms/rotation-interval";

/**
 * The Create key dialog: its fields as typed, and the server action's input — the shared
 * `createKeyInputSchema` (lib/kms/console-schemas.ts) plus an optional alias, with the
 * cross-field rules of `invalidKeySetting` checked before anything is sent. Pure: the form
 * validates with it, the server action parses with it again. Messages are keys of
 * `Kms.errors`, translated where they are shown.
 */
export const createKeyFormSchema = z
  .object({
    key: createKeyInputSchema,
    aliasName: aliasInputSchema.shape.aliasName
      .refine((name) => aliasNameProblem(name) !== "reserved", "aliasReserved")
      .refine((name) => aliasNameProblem(name) === undefined, "aliasFormat")
      .optional(),
  })
  .superRefine((value, ctx) => {
    const keySpec = value.key.keySpec ?? DEFAULT_KEY_SPEC;
    const problem = invalidKeySetting({
      keySpec,
      keyUsage: value.key.keyUsage ?? defaultKeyUsage(keySpec),
      origin: value.key.origin ?? "Aliyun_KMS",
      enableAutomaticRotation: value.key.enableAutomaticRotation ?? false,
    });
    if (problem === "KeyUsage")
      ctx.addIssue({ code: "custom", path: ["key", "keyUsage"], message: "keyUsage" });
    if (problem === "Origin")
      ctx.addIssue({ code: "custom", path: ["key", "origin"], message: "origin" });
    if (problem === "EnableAutomaticRotation")
      ctx.addIssue({
        code: "custom",
        path: ["key", "enableAutomaticRotation"],
        message: "rotation",
      });
  });

/** The rotation period as the forms ask for it, in whole days (7–730). */
export const ROTATION_DAYS = {
  min: MIN_ROTATION_INTERVAL_SECONDS / 86_400,
  max: MAX_ROTATION_INTERVAL_SECONDS / 86_400,
};

export type CreateKeyFormInput = z.input<typeof createKeyFormSchema>;

/** What the dialog's controls hold. */
export type CreateKeyFormState = {
  keySpec: KeySpec;
  keyUsage: KeyUsage;
  origin: KeyOrigin;
  externalAcknowledged: boolean;
  protectionLevel: ProtectionLevel;
  description: string;
  enableAutomaticRotation: boolean;
  rotationDays: string;
  aliasName: string;
};

export type CreateKeyField =
  | "keyUsage"
  | "origin"
  | "externalAcknowledged"
  | "description"
  | "enableAutomaticRotation"
  | "rotationDays"
  | "aliasName";

/** Messages under `Kms.errors`. */
export type CreateKeyErrorKey =
  | "keyUsage"
  | "origin"
  | "externalAck"
  | "description"
  | "rotation"
  | "rotationPeriod"
  | "aliasFormat"
  | "aliasReserved";

export const INITIAL_CREATE_KEY_FORM: CreateKeyFormState = {
  keySpec: DEFAULT_KEY_SPEC,
  keyUsage: defaultKeyUsage(DEFAULT_KEY_SPEC),
  origin: "Aliyun_KMS",
  externalAcknowledged: false,
  protectionLevel: "SOFTWARE",
  description: "",
  enableAutomaticRotation: false,
  rotationDays: "365",
  aliasName: "",
};

/**
 * A new spec keeps the other settings where they still fit: the usage falls back to the spec's
 * default, imported material and rotation are for symmetric keys made by KMS only.
 */
export function withKeySpec(state: CreateKeyFormState, keySpec: KeySpec): CreateKeyFormState {
  const keyUsage = defaultKeyUsage(keySpec);
  const origin = isSymmetricKeySpec(keySpec) ? state.origin : "Aliyun_KMS";
  return {
    ...state,
    keySpec,
    keyUsage,
    origin,
    enableAutomaticRotation: state.enableAutomaticRotation && canRotate({ keySpec, origin }),
  };
}

export function withOrigin(state: CreateKeyFormState, origin: KeyOrigin): CreateKeyFormState {
  return {
    ...state,
    origin,
    enableAutomaticRotation:
      state.enableAutomaticRotation && canRotate({ keySpec: state.keySpec, origin }),
  };
}

/** The action's input for what the form holds (blank optional fields left out). */
export function toCreateKeyInput(state: CreateKeyFormState): CreateKeyFormInput {
  const alias = state.aliasName.trim();
  return {
    key: {
      keySpec: state.keySpec,
      keyUsage: state.keyUsage,
      origin: state.origin,
      protectionLevel: state.protectionLevel,
      description: state.description === "" ? undefined : state.description,
      enableAutomaticRotation: state.enableAutomaticRotation,
      rotationInterval: state.enableAutomaticRotation ? `${state.rotationDays.trim()}d` : undefined,
    },
    aliasName: alias === "" ? undefined : alias,
  };
}

const FIELD_OF_PATH: Record<string, CreateKeyField> = {
  "key.keyUsage": "keyUsage",
  "key.origin": "origin",
  "key.description": "description",
  "key.enableAutomaticRotation": "enableAutomaticRotation",
  "key.rotationInterval": "rotationDays",
  aliasName: "aliasName",
};

const DEFAULT_ERROR_OF_FIELD: Record<CreateKeyField, CreateKeyErrorKey> = {
  keyUsage: "keyUsage",
  origin: "origin",
  externalAcknowledged: "externalAck",
  description: "description",
  enableAutomaticRotation: "rotation",
  rotationDays: "rotationPeriod",
  aliasName: "aliasFormat",
};

const ERROR_KEYS = new Set<string>(Object.values(DEFAULT_ERROR_OF_FIELD).concat("aliasReserved"));

/**
 * The form's errors, one per field, from the schema's issues (client side) or the action's
 * `fieldErrors` (same paths, joined with "."), plus the acknowledgement external material needs.
 */
export function createKeyFieldErrors(
  state: CreateKeyFormState,
  issues: { path: string; message: string }[],
): Partial<Record<CreateKeyField, CreateKeyErrorKey>> {
  const errors: Partial<Record<CreateKeyField, CreateKeyErrorKey>> = {};
  for (const issue of issues) {
    const field = FIELD_OF_PATH[issue.path];
    if (!field || errors[field]) continue;
    errors[field] = ERROR_KEYS.has(issue.message)
      ? (issue.message as CreateKeyErrorKey)
      : DEFAULT_ERROR_OF_FIELD[field];
  }
  if (state.origin === "EXTERNAL" && !state.externalAcknowledged)
    errors.externalAcknowledged = "externalAck";
  return errors;
}

/** Checks the form as the action will: the field errors, none when it may be sent. */
export function validateCreateKeyForm(state: CreateKeyFormState) {
  const parsed = createKeyFormSchema.safeParse(toCreateKeyInput(state));
  const issues = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join("."),
        message: issue.message,
      }));
  return createKeyFieldErrors(state, issues);
}
