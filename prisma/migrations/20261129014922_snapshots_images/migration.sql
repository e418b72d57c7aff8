-- CreateTable
CREATE TABLE "Snapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "regionId" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL,
    "completesAt" DATETIME NOT NULL,
    "encrypted" BOOLEAN NOT NULL DEFAULT false,
    "kmsKeyId" TEXT,
    "dataKeyCiphertext" TEXT,
    "encryptionContext" TEXT,
    "sourceDiskId" TEXT NOT NULL,
    "sourceDiskSize" INTEGER NOT NULL,
    "sourceDiskType" TEXT NOT NULL,
    "sourceDiskCategory" TEXT NOT NULL,
    "sourceImageId" TEXT,
    "sourceSnapshotId" TEXT,
    "sourceRegionId" TEXT,
    "sizeBytes" BIGINT NOT NULL DEFAULT 0,
    "clientToken" TEXT,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Image" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "regionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL,
    "completesAt" DATETIME NOT NULL,
    "baseImageId" TEXT NOT NULL,
    "osType" TEXT NOT NULL,
    "architecture" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "imageFamily" TEXT NOT NULL DEFAULT '',
    "imageVersion" TEXT NOT NULL DEFAULT '',
    "bootMode" TEXT NOT NULL,
    "sizeGiB" INTEGER NOT NULL,
    "sourceInstanceId" TEXT,
    "sourceImageId" TEXT,
    "sourceRegionId" TEXT,
    "clientToken" TEXT,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ImageDiskMapping" (
    "imageId" TEXT NOT NULL,
    "device" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "snapshotId" TEXT NOT NULL,
    "sizeGiB" INTEGER NOT NULL,

    PRIMARY KEY ("imageId", "device")
);

-- CreateIndex
CREATE INDEX "Snapshot_regionId_kmsKeyId_idx" ON "Snapshot"("regionId", "kmsKeyId");

-- CreateIndex
CREATE INDEX "Snapshot_regionId_status_idx" ON "Snapshot"("regionId", "status");

-- CreateIndex
CREATE INDEX "Snapshot_sourceDiskId_idx" ON "Snapshot"("sourceDiskId");

-- CreateIndex
CREATE UNIQUE INDEX "Snapshot_regionId_clientToken_key" ON "Snapshot"("regionId", "clientToken");

-- CreateIndex
CREATE INDEX "Image_regionId_status_idx" ON "Image"("regionId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Image_regionId_clientToken_key" ON "Image"("regionId", "clientToken");

-- CreateIndex
CREATE INDEX "ImageDiskMapping_snapshotId_idx" ON "ImageDiskMapping"("snapshotId");
