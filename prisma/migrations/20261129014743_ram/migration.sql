-- CreateTable
CREATE TABLE "RamUser" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL DEFAULT '',
    "mobilePhone" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL DEFAULT '',
    "comments" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "lastLoginAt" DATETIME
);

-- CreateTable
CREATE TABLE "RamGroup" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "groupId" TEXT NOT NULL,
    "comments" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RamGroupMember" (
    "groupName" TEXT NOT NULL,
    "userName" TEXT NOT NULL,
    "joinedAt" DATETIME NOT NULL,

    PRIMARY KEY ("groupName", "userName")
);

-- CreateTable
CREATE TABLE "RamLoginProfile" (
    "userName" TEXT NOT NULL PRIMARY KEY,
    "passwordHash" TEXT NOT NULL,
    "passwordResetRequired" BOOLEAN NOT NULL DEFAULT false,
    "mfaBindRequired" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RamPolicy" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "description" TEXT NOT NULL DEFAULT '',
    "defaultVersion" TEXT NOT NULL,
    "nextVersion" INTEGER NOT NULL DEFAULT 2,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RamPolicyVersion" (
    "policyName" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,

    PRIMARY KEY ("policyName", "versionId"),
    CONSTRAINT "RamPolicyVersion_policyName_fkey" FOREIGN KEY ("policyName") REFERENCES "RamPolicy" ("name") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RamPolicyAttachment" (
    "principalType" TEXT NOT NULL,
    "principalName" TEXT NOT NULL,
    "policyType" TEXT NOT NULL,
    "policyName" TEXT NOT NULL,
    "attachedAt" DATETIME NOT NULL,

    PRIMARY KEY ("principalType", "principalName", "policyType", "policyName")
);

-- CreateIndex
CREATE UNIQUE INDEX "RamUser_userId_key" ON "RamUser"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "RamGroup_groupId_key" ON "RamGroup"("groupId");

-- CreateIndex
CREATE INDEX "RamGroupMember_userName_idx" ON "RamGroupMember"("userName");

-- CreateIndex
CREATE INDEX "RamPolicyAttachment_policyType_policyName_idx" ON "RamPolicyAttachment"("policyType", "policyName");

-- Role attachments move into the one attachment table (the grant of AliyunECSDiskEncryptDefaultRole survives).
INSERT INTO "RamPolicyAttachment" ("principalType", "principalName", "policyType", "policyName", "attachedAt")
SELECT 'Role', "roleName", "policyType", "policyName", "attachedAt" FROM "RamRolePolicy";

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "RamRolePolicy";
PRAGMA foreign_keys=on;
