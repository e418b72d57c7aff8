import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import {
  assertKeyStateAllows,
  effectiveKeyState,
  isKeyGone,
  KEY_STATE_TABLE,
  KEY_STATES,
  keyStateOutcome,
  type KeyStateAction,
} from "./key-states";

/** Alibaba's table, transcribed from reference/alibaba-api-notes.md independently of the code. */
const DOCUMENTED: Record<string, [string, string, string, string]> = {
  GenerateDataKey: [
    "ok",
    "Rejected.Disabled",
    "Rejected.PendingDeletion",
    "Rejected.PendingImport",
  ],
  GenerateDataKeyWithoutPlaintext: [
    "ok",
    "Rejected.Disabled",
    "Rejected.PendingDeletion",
    "Rejected.PendingImport",
  ],
  Encrypt: ["ok", "Rejected.Disabled", "Rejected.PendingDeletion", "Rejected.PendingImport"],
  Decrypt: ["ok", "Rejected.Disabled", "Rejected.PendingDeletion", "Rejected.PendingImport"],
  UpdateRotationPolicy: [
    "ok",
    "Rejected.Disabled",
    "Rejected.PendingDeletion",
    "Rejected.PendingImport",
  ],
  UpdateKeyDescription: ["ok", "ok", "Rejected.PendingDeletion", "ok"],
  TagResource: ["ok", "ok", "Rejected.PendingDeletion", "ok"],
  CreateKey: ["ok", "ok", "ok", "ok"],
  ListKeys: ["ok", "ok", "ok", "ok"],
  DescribeKey: ["ok", "ok", "ok", "ok"],
  DeleteAlias: ["ok", "ok", "ok", "ok"],
  ListAliases: ["ok", "ok", "ok", "ok"],
  EnableKey: ["ok", "ok", "Rejected.StateModifiedFailed", "Rejected.StateModifiedFailed"],
  DisableKey: ["ok", "ok", "Rejected.StateModifiedFailed", "Rejected.StateModifiedFailed"],
  ScheduleKeyDeletion: ["ok", "ok", "Rejected.StateModifiedFailed", "ok"],
  CancelKeyDeletion: [
    "Rejected.StateModifiedFailed",
    "Rejected.StateModifiedFailed",
    "ok",
    "Rejected.StateModifiedFailed",
  ],
  CreateAlias: ["ok", "ok", "Rejected.StateModifiedFailed", "ok"],
};

describe("the key-state table", () => {
  const cells = Object.entries(DOCUMENTED).flatMap(([action, outcomes]) =>
    KEY_STATES.map((state, i) => [action, state, outcomes[i]] as const),
  );

  it.each(cells)("%s on a %s key: %s", (action, state, expected) => {
    expect(keyStateOutcome(action as KeyStateAction, state)).toBe(expected);
  });

  it("refuses with the code, Alibaba's message and HTTP 409", () => {
    const error = (() => {
      try {
        assertKeyStateAllows("Encrypt", "Disabled");
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(error).toMatchObject({
      code: "Rejected.Disabled",
      httpStatus: 409,
      message: "The request was rejected because the key state is Disabled.",
    });
    expect(() => assertKeyStateAllows("EnableKey", "PendingImport")).toThrow(
      "Keystate modified failed.",
    );
    expect(() => assertKeyStateAllows("Encrypt", "Enabled")).not.toThrow();
  });

  it("has a cell for every state in every row, and only table codes", () => {
    for (const row of Object.values(KEY_STATE_TABLE)) {
      expect(Object.keys(row).sort()).toEqual([...KEY_STATES].sort());
      for (const outcome of Object.values(row))
        expect(outcome).toMatch(
          /^(ok|Rejected\.(Disabled|PendingDeletion|PendingImport|StateModifiedFailed))$/,
        );
    }
  });
});

describe("effective state", () => {
  const now = new Date("2026-06-01T00:00:00Z");
  const before = new Date(now.getTime() - 1000);
  const after = new Date(now.getTime() + 1000);
  const key = (over: Partial<Parameters<typeof effectiveKeyState>[0]>) => ({
    keyState: "Enabled",
    origin: "Aliyun_KMS",
    deleteDate: null,
    materialExpireTime: null,
    ...over,
  });

  it("turns expired imported material into PendingImport, at the second it expires", () => {
    expect(effectiveKeyState(key({ origin: "EXTERNAL", materialExpireTime: after }), now)).toBe(
      "Enabled",
    );
    expect(effectiveKeyState(key({ origin: "EXTERNAL", materialExpireTime: now }), now)).toBe(
      "PendingImport",
    );
    expect(
      effectiveKeyState(
        key({ origin: "EXTERNAL", keyState: "Disabled", materialExpireTime: before }),
        now,
      ),
    ).toBe("PendingImport");
  });

  it("keeps PendingDeletion whatever the material does", () => {
    expect(
      effectiveKeyState(
        key({
          origin: "EXTERNAL",
          keyState: "PendingDeletion",
          deleteDate: after,
          materialExpireTime: before,
        }),
        now,
      ),
    ).toBe("PendingDeletion");
  });

  it("ignores an expiry time on a key KMS generated", () => {
    expect(effectiveKeyState(key({ materialExpireTime: before }), now)).toBe("Enabled");
  });

  it("calls a key gone once its deletion window has ended", () => {
    expect(isKeyGone(key({ keyState: "PendingDeletion", deleteDate: after }), now)).toBe(false);
    expect(isKeyGone(key({ keyState: "PendingDeletion", deleteDate: now }), now)).toBe(true);
    expect(isKeyGone(key({ keyState: "Enabled", deleteDate: before }), now)).toBe(false);
  });

  it("refuses a stored state that is not a key state", () => {
    expect(() => effectiveKeyState(key({ keyState: "Broken" }), now)).toThrow(
      /not a KMS key state/,
    );
  });
});
