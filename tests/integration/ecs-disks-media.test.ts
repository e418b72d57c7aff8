import { createDecipheriv } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plain64Tweak } from "@/lib/crypto/xts";
import { getRuntime } from "@/lib/runtime";
import { openDiskDevice, unwrapDataKey } from "@/lib/ecs/disks/data-key";
import { startDisks } from "@/lib/ecs/disks/start-disks";
import { $Kms } from "../helpers/sdk";
import { startInProcessEndpoint, type InProcessEndpoint } from "../helpers/in-process-endpoint";
import { failureOf } from "../helpers/kms-clients";

/**
 * The media are real: sectors written through `openDiskDevice` (what the hypervisor hands the
 * guest) are stored as AES-256-XTS that node:crypto's own `aes-256-xts` decrypts per sector with
 * the plain64 tweak, given the data key from KMS Decrypt(CiphertextBlob, EncryptionContext)
 * called through the official KMS SDK; and ReadDiskMedia returns exactly the stored bytes.
 * In process, so the test can write as the hypervisor does, against the endpoint the SDKs use.
 */
let endpoint: InProcessEndpoint;
const ecs = () => endpoint.pop("2014-05-26");
const diskseal = () => endpoint.pop("2026-11-28");
const SECTOR = 4096;

beforeAll(async () => {
  endpoint = await startInProcessEndpoint();
  startDisks();
});
afterAll(async () => {
  await endpoint?.close();
});

async function newDisk(encrypted: boolean): Promise<string> {
  const params: Record<string, string> = {
    RegionId: "cn-hangzhou",
    ZoneId: "cn-hangzhou-h",
    DiskCategory: "cloud_essd",
    Size: "20",
  };
  if (encrypted) params.Encrypted = "true";
  return (await ecs().request<{ DiskId: string }>("CreateDisk", params)).DiskId;
}

async function readMedia(diskId: string, offset: number, length: number): Promise<Buffer> {
  const answer = await diskseal().request<{ Data: string; Length: number }>("ReadDiskMedia", {
    DiskId: diskId,
    Offset: offset,
    Length: length,
  });
  expect(answer.Length).toBe(length);
  return Buffer.from(answer.Data, "base64");
}

function sectorsOf(text: string, sectors: number): Buffer {
  const data = Buffer.alloc(sectors * SECTOR);
  for (let i = 0; i < sectors; i++) data.write(`${text} #${i} `.repeat(64), i * SECTOR);
  return data;
}

describe("an encrypted disk's media", () => {
  it("decrypt per sector with node:crypto aes-256-xts and the key from KMS Decrypt; ReadDiskMedia returns the stored bytes", async () => {
    const diskId = await newDisk(true);
    const disk = (await getRuntime().db.disk.findUnique({ where: { id: diskId } }))!;
    const dataKey = await unwrapDataKey(endpoint.rootContext(), disk, "MEDIA-TEST");
    const device = await openDiskDevice(disk, dataKey);
    dataKey.fill(0);
    const first = sectorsOf("secret payload", 2);
    const far = sectorsOf("far away", 1);
    await device.write(0, first);
    await device.write(1000 * SECTOR, far);
    await device.flush();

    // Read while the "hypervisor" still holds the disk open with its key.
    const media = await readMedia(diskId, 0, 2 * SECTOR);
    const farMedia = await readMedia(diskId, 1000 * SECTOR, SECTOR);
    expect(media.equals(await device.readRaw(0, 2 * SECTOR))).toBe(true);
    expect(farMedia.equals(await device.readRaw(1000 * SECTOR, SECTOR))).toBe(true);
    await device.close();
    expect(media.includes(Buffer.from("secret payload"))).toBe(false);
    expect((await readMedia(diskId, 5 * SECTOR, SECTOR)).equals(Buffer.alloc(SECTOR))).toBe(true);

    const material = await diskseal().request<{
      CiphertextBlob: string;
      EncryptionContext: string;
      Cipher: string;
      KeyBits: number;
      SectorSize: number;
      DataOffset: number;
    }>("DescribeDiskEncryptionMaterial", { DiskId: diskId });
    expect(material).toMatchObject({
      Cipher: "aes-xts-plain64",
      KeyBits: 512,
      SectorSize: SECTOR,
      DataOffset: 0,
    });
    const decrypted = await endpoint.kms.decrypt(
      new $Kms.DecryptRequest({
        ciphertextBlob: material.CiphertextBlob,
        encryptionContext: JSON.parse(material.EncryptionContext),
      }),
    );
    const key = Buffer.from(decrypted.plaintext, "base64");
    expect(key).toHaveLength(64);

    const decryptSector = (stored: Buffer, sector: number) => {
      const decipher = createDecipheriv("aes-256-xts", key, plain64Tweak(sector));
      return Buffer.concat([decipher.update(stored), decipher.final()]);
    };
    for (const sector of [0, 1]) {
      const stored = media.subarray(sector * SECTOR, (sector + 1) * SECTOR);
      expect(
        decryptSector(stored, sector).equals(
          first.subarray(sector * SECTOR, (sector + 1) * SECTOR),
        ),
      ).toBe(true);
    }
    expect(decryptSector(farMedia, 1000).equals(far)).toBe(true);
    // The tweak is the sector number: the wrong one does not decrypt.
    expect(decryptSector(farMedia, 999).equals(far)).toBe(false);
  });

  it("an unencrypted disk's media hold the plaintext, and carry no material", async () => {
    const diskId = await newDisk(false);
    const disk = (await getRuntime().db.disk.findUnique({ where: { id: diskId } }))!;
    const device = await openDiskDevice(disk);
    await device.write(3 * SECTOR, sectorsOf("visible payload", 1));
    await device.close();
    expect(
      (await readMedia(diskId, 3 * SECTOR, SECTOR)).includes(Buffer.from("visible payload")),
    ).toBe(true);
    expect(
      await diskseal().request("DescribeDiskEncryptionMaterial", { DiskId: diskId }),
    ).toMatchObject({ Encrypted: false, CiphertextBlob: "" });
  });
});

describe("DiskSeal actions on disks (root only)", () => {
  it("DescribeDiskEncryptionMaterial names the blob and the cipher; ReadDiskMedia bounds its range", async () => {
    const diskId = await newDisk(true);
    const material = await diskseal().request<Record<string, unknown>>(
      "DescribeDiskEncryptionMaterial",
      { DiskId: diskId },
    );
    expect(material).toMatchObject({
      DiskId: diskId,
      Encrypted: true,
      Cipher: "aes-xts-plain64",
      KeyBits: 512,
      SectorSize: 4096,
      DataOffset: 0,
      EncryptionContext: JSON.stringify({ "acs:ecs:disk": diskId }),
    });
    const decrypted = await endpoint.kms.decrypt(
      new $Kms.DecryptRequest({
        ciphertextBlob: material.CiphertextBlob as string,
        encryptionContext: { "acs:ecs:disk": diskId },
      }),
    );
    expect(Buffer.from(decrypted.plaintext, "base64")).toHaveLength(64);
    expect(decrypted.keyId).toBe(material.KMSKeyId);

    const read = await diskseal().request<{ Data: string; Length: number; Offset: number }>(
      "ReadDiskMedia",
      { DiskId: diskId, Offset: 20 * 1024 ** 3 - 8192, Length: 8192 },
    );
    expect(read).toMatchObject({ Offset: 20 * 1024 ** 3 - 8192, Length: 8192 });
    expect(Buffer.from(read.Data, "base64").equals(Buffer.alloc(8192))).toBe(true);
    const refuse = (params: Record<string, unknown>) =>
      failureOf(diskseal().request("ReadDiskMedia", { DiskId: diskId, ...params }));
    expect(await refuse({ Offset: 20 * 1024 ** 3 - 100, Length: 101 })).toMatchObject({
      code: "InvalidParameter",
      status: 400,
    });
    expect(await refuse({ Offset: 0, Length: 1048577 })).toMatchObject({
      code: "InvalidParameter",
      status: 400,
    });
    expect(await refuse({ Offset: -1, Length: 1 })).toMatchObject({
      code: "InvalidParameter",
      status: 400,
    });
    expect(
      await failureOf(
        diskseal().request("ReadDiskMedia", { DiskId: "d-nothing", Offset: 0, Length: 1 }),
      ),
    ).toMatchObject({
      code: "InvalidDiskId.NotFound",
      status: 404,
    });

    const plain = await newDisk(false);
    expect(
      await diskseal().request("DescribeDiskEncryptionMaterial", { DiskId: plain }),
    ).toMatchObject({
      Encrypted: false,
      KMSKeyId: "",
      CiphertextBlob: "",
    });
  });
});
