-- CreateTable
CREATE TABLE "Disk" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "regionId" TEXT NOT NULL,
    "zoneId" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "category" TEXT NOT NULL,
    "performanceLevel" TEXT,
    "sizeGiB" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "encrypted" BOOLEAN NOT NULL DEFAULT false,
    "kmsKeyId" TEXT,
    "dataKeyCiphertext" TEXT,
    "encryptionContext" TEXT,
    "instanceId" TEXT,
    "deviceLetter" TEXT,
    "deleteWithInstance" BOOLEAN NOT NULL DEFAULT true,
    "sourceSnapshotId" TEXT,
    "imageId" TEXT,
    "clientToken" TEXT,
    "createdAt" DATETIME NOT NULL,
    "attachedAt" DATETIME,
    "detachedAt" DATETIME,
    "transitionDueAt" DATETIME
);

-- CreateTable
CREATE TABLE "Instance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "regionId" TEXT NOT NULL,
    "zoneId" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "hostName" TEXT NOT NULL,
    "instanceType" TEXT NOT NULL,
    "imageId" TEXT NOT NULL,
    "osType" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "targetStatus" TEXT,
    "transitionDueAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "startedAt" DATETIME,
    "systemDiskId" TEXT,
    "clientToken" TEXT
);

-- CreateTable
CREATE TABLE "ResourceTag" (
    "regionId" TEXT NOT NULL,
    "resourceType" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "tagKey" TEXT NOT NULL,
    "tagValue" TEXT NOT NULL DEFAULT '',

    PRIMARY KEY ("resourceType", "resourceId", "tagKey")
);

-- CreateTable
CREATE TABLE "EcsRegionSetting" (
    "regionId" TEXT NOT NULL PRIMARY KEY,
    "encryptionByDefault" BOOLEAN NOT NULL DEFAULT false,
    "defaultKmsKeyId" TEXT
);

-- CreateTable
CREATE TABLE "RamRole" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "roleId" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "assumeRolePolicyDocument" TEXT NOT NULL,
    "maxSessionDuration" INTEGER NOT NULL DEFAULT 3600,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RamRolePolicy" (
    "roleName" TEXT NOT NULL,
    "policyName" TEXT NOT NULL,
    "policyType" TEXT NOT NULL,
    "attachedAt" DATETIME NOT NULL,

    PRIMARY KEY ("roleName", "policyType", "policyName"),
    CONSTRAINT "RamRolePolicy_roleName_fkey" FOREIGN KEY ("roleName") REFERENCES "RamRole" ("name") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CloudCommand" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "regionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "type" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "workingDir" TEXT NOT NULL DEFAULT '',
    "timeoutSeconds" INTEGER NOT NULL DEFAULT 60,
    "isSaved" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CloudInvocation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "regionId" TEXT NOT NULL,
    "commandId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CloudInvocationResult" (
    "invocationId" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "exitCode" INTEGER,
    "output" TEXT NOT NULL DEFAULT '',
    "errorCode" TEXT NOT NULL DEFAULT '',
    "errorInfo" TEXT NOT NULL DEFAULT '',
    "startedAt" DATETIME,
    "finishedAt" DATETIME,

    PRIMARY KEY ("invocationId", "instanceId"),
    CONSTRAINT "CloudInvocationResult_invocationId_fkey" FOREIGN KEY ("invocationId") REFERENCES "CloudInvocation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Disk_regionId_kmsKeyId_idx" ON "Disk"("regionId", "kmsKeyId");

-- CreateIndex
CREATE INDEX "Disk_regionId_status_idx" ON "Disk"("regionId", "status");

-- CreateIndex
CREATE INDEX "Disk_instanceId_idx" ON "Disk"("instanceId");

-- CreateIndex
CREATE UNIQUE INDEX "Disk_regionId_clientToken_key" ON "Disk"("regionId", "clientToken");

-- CreateIndex
CREATE INDEX "Instance_regionId_status_idx" ON "Instance"("regionId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Instance_regionId_clientToken_key" ON "Instance"("regionId", "clientToken");

-- CreateIndex
CREATE INDEX "ResourceTag_regionId_tagKey_tagValue_idx" ON "ResourceTag"("regionId", "tagKey", "tagValue");

-- CreateIndex
CREATE UNIQUE INDEX "RamRole_roleId_key" ON "RamRole"("roleId");

-- CreateIndex
CREATE INDEX "CloudCommand_regionId_idx" ON "CloudCommand"("regionId");

-- CreateIndex
CREATE INDEX "CloudInvocation_regionId_createdAt_idx" ON "CloudInvocation"("regionId", "createdAt");

-- CreateIndex
CREATE INDEX "CloudInvocationResult_instanceId_idx" ON "CloudInvocationResult"("instanceId");
