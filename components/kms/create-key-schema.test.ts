import { describe, expect, it } from "vitest";
import {
  createKeyFormSchema,
  INITIAL_CREATE_KEY_FORM,
  toCreateKeyInput,
  validateCreateKeyForm,
  withKeySpec,
  withOrigin,
  type CreateKeyFormState,
} from "./create-key-schema";

const form = (changes: Partial<CreateKeyFormState>): CreateKeyFormState => ({
  ...INITIAL_CREATE_KEY_FORM,
  ...changes,
});

describe("create key form", () => {
  it("sends the defaults: Aliyun_AES_256, ENCRYPT/DECRYPT, KMS material, no rotation", () => {
    expect(toCreateKeyInput(INITIAL_CREATE_KEY_FORM)).toEqual({
      key: {
        keySpec: "Aliyun_AES_256",
        keyUsage: "ENCRYPT/DECRYPT",
        origin: "Aliyun_KMS",
        protectionLevel: "SOFTWARE",
        description: undefined,
        enableAutomaticRotation: false,
        rotationInterval: undefined,
      },
      aliasName: undefined,
    });
    expect(validateCreateKeyForm(INITIAL_CREATE_KEY_FORM)).toEqual({});
  });

  it("turns the rotation period in days into the API's interval", () => {
    const parsed = createKeyFormSchema.parse(
      toCreateKeyInput(form({ enableAutomaticRotation: true, rotationDays: "90" })),
    );
    expect(parsed.key.rotationIntervalSeconds).toBe(90 * 86_400);
  });

  it.each([
    [{ enableAutomaticRotation: true, rotationDays: "6" }, { rotationDays: "rotationPeriod" }],
    [{ enableAutomaticRotation: true, rotationDays: "731" }, { rotationDays: "rotationPeriod" }],
    [{ enableAutomaticRotation: true, rotationDays: "1.5" }, { rotationDays: "rotationPeriod" }],
    [{ aliasName: "my-key" }, { aliasName: "aliasFormat" }],
    [{ aliasName: "alias/" }, { aliasName: "aliasFormat" }],
    [{ aliasName: "alias/acs/mine" }, { aliasName: "aliasReserved" }],
    [{ aliasName: "alias/ACS/mine" }, { aliasName: "aliasReserved" }],
    [{ description: "x".repeat(8193) }, { description: "description" }],
    [{ keySpec: "EC_P256", keyUsage: "ENCRYPT/DECRYPT" }, { keyUsage: "keyUsage" }],
    [
      {
        keySpec: "RSA_2048",
        keyUsage: "SIGN/VERIFY",
        origin: "EXTERNAL",
        externalAcknowledged: true,
      },
      { origin: "origin" },
    ],
    [
      { keySpec: "RSA_2048", keyUsage: "SIGN/VERIFY", enableAutomaticRotation: true },
      { enableAutomaticRotation: "rotation" },
    ],
    [{ origin: "EXTERNAL" }, { externalAcknowledged: "externalAck" }],
  ] as [Partial<CreateKeyFormState>, object][])("refuses %j", (changes, errors) => {
    expect(validateCreateKeyForm(form(changes))).toEqual(errors);
  });

  it("accepts a valid alias and external material once acknowledged", () => {
    expect(
      validateCreateKeyForm(
        form({
          aliasName: "alias/team/disk-key_1",
          origin: "EXTERNAL",
          externalAcknowledged: true,
        }),
      ),
    ).toEqual({});
  });

  it("keeps settings consistent when the spec or origin changes", () => {
    const rotating = form({ enableAutomaticRotation: true, origin: "EXTERNAL" });
    expect(withKeySpec(rotating, "EC_P256")).toMatchObject({
      keySpec: "EC_P256",
      keyUsage: "SIGN/VERIFY",
      origin: "Aliyun_KMS",
      enableAutomaticRotation: false,
    });
    expect(withKeySpec(form({ enableAutomaticRotation: true }), "Aliyun_SM4")).toMatchObject({
      keyUsage: "ENCRYPT/DECRYPT",
      enableAutomaticRotation: true,
    });
    expect(withOrigin(form({ enableAutomaticRotation: true }), "EXTERNAL")).toMatchObject({
      enableAutomaticRotation: false,
    });
  });
});
