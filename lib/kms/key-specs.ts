/**
 * The key specs DiskSeal implements and what each allows: usages, origins, rotation, and the
 * material each holds. Shared by the API's zod schemas, the services and the console's
 * create-key dialog. Pure.
 */
export const SYMMETRIC_KEY_SPECS = ["Aliyun_AES_256", "Aliyun_SM4"] as const;
export const ASYMMETRIC_KEY_SPECS = ["RSA_2048", "EC_P256"] as const;
export const KEY_SPECS = [...SYMMETRIC_KEY_SPECS, ...ASYMMETRIC_KEY_SPECS] as const;
export const KEY_USAGES = ["ENCRYPT/DECRYPT", "SIGN/VERIFY"] as const;
export const KEY_ORIGINS = ["Aliyun_KMS", "EXTERNAL"] as const;
/** HSM is accepted and recorded; the emulator keeps both levels in software. */
export const PROTECTION_LEVELS = ["SOFTWARE", "HSM"] as const;

export type KeySpec = (typeof KEY_SPECS)[number];
export type SymmetricKeySpec = (typeof SYMMETRIC_KEY_SPECS)[number];
export type AsymmetricKeySpec = (typeof ASYMMETRIC_KEY_SPECS)[number];
export type KeyUsage = (typeof KEY_USAGES)[number];
export type KeyOrigin = (typeof KEY_ORIGINS)[number];
export type ProtectionLevel = (typeof PROTECTION_LEVELS)[number];

export const DEFAULT_KEY_SPEC: KeySpec = "Aliyun_AES_256";

/** Material bytes of symmetric key versions (and what ImportKeyMaterial must bring). */
export const SYMMETRIC_MATERIAL_BYTES: Record<SymmetricKeySpec, number> = {
  Aliyun_AES_256: 32,
  Aliyun_SM4: 16,
};

const USAGES_BY_SPEC: Record<KeySpec, readonly KeyUsage[]> = {
  Aliyun_AES_256: ["ENCRYPT/DECRYPT"],
  Aliyun_SM4: ["ENCRYPT/DECRYPT"],
  RSA_2048: ["ENCRYPT/DECRYPT", "SIGN/VERIFY"],
  EC_P256: ["SIGN/VERIFY"],
};

export function isSymmetricKeySpec(spec: string): spec is SymmetricKeySpec {
  return (SYMMETRIC_KEY_SPECS as readonly string[]).includes(spec);
}

export function isAsymmetricKeySpec(spec: string): spec is AsymmetricKeySpec {
  return (ASYMMETRIC_KEY_SPECS as readonly string[]).includes(spec);
}

/** The usage CreateKey gives when none is asked for: the spec's first (EC keys only sign). */
export function defaultKeyUsage(spec: KeySpec): KeyUsage {
  return USAGES_BY_SPEC[spec][0];
}

export function isUsageAllowed(spec: KeySpec, usage: KeyUsage): boolean {
  return USAGES_BY_SPEC[spec].includes(usage);
}

export type KeySettings = {
  keySpec: KeySpec;
  keyUsage: KeyUsage;
  origin: KeyOrigin;
  enableAutomaticRotation: boolean;
};

/**
 * Why these CreateKey settings cannot go together (the parameter to name in InvalidParameter),
 * or undefined. Imported material is symmetric only here (Alibaba imports asymmetric material
 * into dedicated instances only), and neither imported nor asymmetric keys rotate.
 */
export function invalidKeySetting(
  settings: KeySettings,
): "KeyUsage" | "Origin" | "EnableAutomaticRotation" | undefined {
  if (!isUsageAllowed(settings.keySpec, settings.keyUsage)) return "KeyUsage";
  if (settings.origin === "EXTERNAL" && !isSymmetricKeySpec(settings.keySpec)) return "Origin";
  if (settings.enableAutomaticRotation && !canRotate(settings)) return "EnableAutomaticRotation";
  return undefined;
}

export function canRotate(key: { keySpec: string; origin: string }): boolean {
  return isSymmetricKeySpec(key.keySpec) && key.origin === "Aliyun_KMS";
}
