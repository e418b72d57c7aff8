-- CreateTable
CREATE TABLE "KmsKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "regionId" TEXT NOT NULL,
    "keySpec" TEXT NOT NULL,
    "keyUsage" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "protectionLevel" TEXT NOT NULL,
    "creatorType" TEXT NOT NULL,
    "creator" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "keyState" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "deleteDate" DATETIME,
    "deletionProtection" BOOLEAN NOT NULL DEFAULT false,
    "deletionProtectionDescription" TEXT,
    "rotationEnabled" BOOLEAN NOT NULL DEFAULT false,
    "rotationIntervalSeconds" INTEGER,
    "lastRotationDate" DATETIME,
    "nextRotationDate" DATETIME,
    "primaryKeyVersionId" TEXT,
    "materialExpireTime" DATETIME,
    "materialFingerprint" TEXT
);

-- CreateTable
CREATE TABLE "KmsKeyVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "keyId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "materialWrapped" TEXT,
    "publicKeySpki" TEXT,
    CONSTRAINT "KmsKeyVersion_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "KmsKey" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "KmsAlias" (
    "regionId" TEXT NOT NULL,
    "aliasName" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,

    PRIMARY KEY ("regionId", "aliasName"),
    CONSTRAINT "KmsAlias_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "KmsKey" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "KmsKeyTag" (
    "keyId" TEXT NOT NULL,
    "tagKey" TEXT NOT NULL,
    "tagValue" TEXT NOT NULL,

    PRIMARY KEY ("keyId", "tagKey"),
    CONSTRAINT "KmsKeyTag_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "KmsKey" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "KmsImportToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "keyId" TEXT NOT NULL,
    "wrappingAlgorithm" TEXT NOT NULL,
    "wrappingKeySpec" TEXT NOT NULL,
    "privateKeyWrapped" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "KmsImportToken_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "KmsKey" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "KmsKey_regionId_createdAt_idx" ON "KmsKey"("regionId", "createdAt");

-- CreateIndex
CREATE INDEX "KmsKey_keyState_deleteDate_idx" ON "KmsKey"("keyState", "deleteDate");

-- CreateIndex
CREATE INDEX "KmsKey_rotationEnabled_nextRotationDate_idx" ON "KmsKey"("rotationEnabled", "nextRotationDate");

-- CreateIndex
CREATE INDEX "KmsKey_materialExpireTime_idx" ON "KmsKey"("materialExpireTime");

-- CreateIndex
CREATE INDEX "KmsKeyVersion_keyId_createdAt_idx" ON "KmsKeyVersion"("keyId", "createdAt");

-- CreateIndex
CREATE INDEX "KmsAlias_keyId_idx" ON "KmsAlias"("keyId");

-- CreateIndex
CREATE INDEX "KmsImportToken_keyId_idx" ON "KmsImportToken"("keyId");

-- CreateIndex
CREATE INDEX "KmsImportToken_expiresAt_idx" ON "KmsImportToken"("expiresAt");
