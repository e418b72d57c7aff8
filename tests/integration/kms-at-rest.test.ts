import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boot, shutdown } from "@/lib/boot";
import { readConfig } from "@/lib/config";
import { advanceClock } from "@/lib/clock";
import type { RequestContext } from "@/lib/context";
import { wrapKeyMaterial } from "@/lib/crypto/byok";
import { unwrapSecret } from "@/lib/crypto/root-key";
import { getRuntime } from "@/lib/runtime";
import { createKey } from "@/lib/kms/create-key";
import { decrypt } from "@/lib/kms/encrypt-decrypt";
import { generateDataKey } from "@/lib/kms/generate-data-key";
import { getParametersForImport, importKeyMaterial } from "@/lib/kms/key-import";
import { materialPurpose } from "@/lib/kms/key-material";
import { createKeyVersion } from "@/lib/kms/key-versions";
import { asymmetricSign } from "@/lib/kms/asymmetric-keys";
import { cachedMaterialEntries } from "@/lib/kms/material-cache";
import { getOrCreateServiceKey } from "@/lib/kms/service-key";
import { startKms } from "@/lib/kms/start-kms";

/**
 * DESIGN.md rule 4, checked on disk: no key material, no data key and no BYOK private key is
 * ever written in clear. The runtime is booted in this process so the test can take every
 * secret from memory (the material cache, and the rows unwrapped with the root key) and then
 * scan every file of the data dir — the database, its -wal and -shm — for those bytes.
 */
let dataDir = "";
let ctx: RequestContext;
const secrets: { what: string; bytes: Buffer }[] = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "diskseal-kms-rest-"));
  await boot(
    readConfig({
      DISKSEAL_DATA_DIR: dataDir,
      DISKSEAL_ROOT_KEY: Buffer.alloc(32, 3).toString("base64"),
    }),
  );
  startKms();
  const { accountId } = getRuntime();
  ctx = {
    principal: { kind: "root", accountId },
    regionId: "cn-hangzhou",
    requestId: "TEST",
    source: "api",
  };
});

afterAll(async () => {
  await shutdown().catch(() => undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

function findPlaintextOnDisk(): string[] {
  const files = filesUnder(dataDir).map((file) => ({ file, bytes: fs.readFileSync(file) }));
  const found: string[] = [];
  for (const secret of secrets) {
    // Raw bytes, and the encodings a careless write would use.
    const needles = [
      secret.bytes,
      Buffer.from(secret.bytes.toString("base64")),
      Buffer.from(secret.bytes.toString("hex")),
    ];
    for (const { file, bytes } of files) {
      if (needles.some((needle) => bytes.includes(needle)))
        found.push(`${secret.what} in ${path.basename(file)}`);
    }
  }
  return found;
}

describe("key material at rest", () => {
  it("is never on disk in clear: versions, rotations, imports, data keys", async () => {
    const aes = await createKey(ctx, { keySpec: "Aliyun_AES_256" });
    const sm4 = await createKey(ctx, { keySpec: "Aliyun_SM4" });
    const rsa = await createKey(ctx, { keySpec: "RSA_2048", keyUsage: "SIGN/VERIFY" });
    const ec = await createKey(ctx, { keySpec: "EC_P256" });
    await createKeyVersion(ctx, { keyId: aes.keyId });
    await createKey(ctx, {
      keySpec: "Aliyun_AES_256",
      enableAutomaticRotation: true,
      rotationIntervalSeconds: 7 * 86_400,
    });
    await advanceClock(8 * 86_400); // the scheduler rotates that key
    const service = await getOrCreateServiceKey(ctx, "cn-hangzhou");

    // BYOK: the user's material, wrapped with the import public key.
    const external = await createKey(ctx, { origin: "EXTERNAL" });
    const imported = Buffer.from(createHash("sha256").update("my own key material").digest());
    secrets.push({ what: "imported material", bytes: Buffer.from(imported) });
    const parameters = await getParametersForImport(ctx, {
      keyId: external.keyId,
      wrappingAlgorithm: "RSAES_OAEP_SHA_256",
      wrappingKeySpec: "RSA_2048",
    });
    const encryptedKeyMaterial = wrapKeyMaterial(
      parameters.publicKey,
      "RSAES_OAEP_SHA_256",
      imported,
    );
    await importKeyMaterial(ctx, {
      keyId: external.keyId,
      encryptedKeyMaterial,
      importToken: parameters.importToken,
      keyMaterialExpireUnix: 0,
    });

    // Use every key so its material is unwrapped into the cache, and keep the data keys.
    for (const key of [aes, sm4, external, service]) {
      const dataKey = await generateDataKey(ctx, {
        keyId: key.keyId,
        numberOfBytes: 64,
        encryptionContext: { disk: "d-1" },
      });
      secrets.push({
        what: `data key under ${key.keySpec}`,
        bytes: Buffer.from(dataKey.plaintext),
      });
      const opened = await decrypt(ctx, {
        ciphertextBlob: dataKey.ciphertextBlob,
        encryptionContext: { disk: "d-1" },
      });
      expect(opened.plaintext.equals(dataKey.plaintext)).toBe(true);
    }
    for (const key of [rsa, ec]) {
      const algorithm = key.keySpec === "RSA_2048" ? "RSA_PSS_SHA_256" : "ECDSA_SHA_256";
      await asymmetricSign(ctx, {
        keyId: key.keyId,
        keyVersionId: key.primaryKeyVersionId!,
        algorithm,
        digest: Buffer.alloc(32, 1),
      });
    }

    // Every version's material, unwrapped from its row; every import token's private key.
    const { db, rootKey } = getRuntime();
    const versions = await db.kmsKeyVersion.findMany();
    expect(versions.length).toBeGreaterThanOrEqual(9);
    for (const version of versions) {
      if (!version.materialWrapped) continue;
      const material = unwrapSecret(
        rootKey,
        materialPurpose(version.keyId, version.id),
        version.materialWrapped,
      );
      secrets.push({ what: `material of ${version.keyId}/${version.id}`, bytes: material });
    }
    for (const token of await db.kmsImportToken.findMany()) {
      secrets.push({
        what: "import private key",
        bytes: unwrapSecret(
          rootKey,
          `kms-import-private-key:${token.keyId}:${token.id}`,
          token.privateKeyWrapped,
        ),
      });
    }
    // The cache holds the same bytes (it is what GenerateDataKey used).
    const cached = cachedMaterialEntries();
    expect(cached.length).toBe(6); // the six keys used above, at their primary versions
    for (const entry of cached)
      expect(secrets.some((s) => s.bytes.equals(entry.material))).toBe(true);

    expect(findPlaintextOnDisk()).toEqual([]);
    await shutdown(); // checkpoints the WAL into the main file
    expect(findPlaintextOnDisk()).toEqual([]);
    // The scan itself works: a file holding a secret is found.
    fs.writeFileSync(
      path.join(dataDir, "canary"),
      Buffer.concat([Buffer.from("x"), secrets[0].bytes]),
    );
    expect(findPlaintextOnDisk()).toContain(`${secrets[0].what} in canary`);
  });
});
