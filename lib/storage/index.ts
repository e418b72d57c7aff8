/** lib/storage — backing media of disks (see README.md). */
export { SECTOR_SIZE, assertSectorRange } from "./block-device";
export type { BlockDevice } from "./block-device";
export { CHUNK_SIZE, DATA_OFFSET } from "./layout";
export { StorageError, isStorageError } from "./errors";
export type { StorageErrorCode } from "./errors";
export { allocatedChunks, createMedium, deleteMedium, describeMedium, openMedium } from "./medium";
export type { Medium, MediumInfo, OpenMediumOptions } from "./medium";
export { restoreMedium, snapshotMedium } from "./snapshot";
export type { ProgressCallback } from "./snapshot";
export { reencryptMedium } from "./reencrypt";
export type { ReencryptOptions } from "./reencrypt";
export { configureCipherPool, cipherWorkerCount } from "./cipher-workers";
export { flushAllMedia, isMediumOpen } from "./registry";
