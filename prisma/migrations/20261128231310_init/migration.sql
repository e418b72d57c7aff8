-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "AccessKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "userName" TEXT,
    "secretWrapped" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'Active',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "id" TEXT NOT NULL,
    "eventTime" DATETIME NOT NULL,
    "principal" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "resourceArn" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "keyId" TEXT,
    "result" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "causedBy" TEXT,
    "sourceIp" TEXT
);

-- CreateIndex
CREATE INDEX "AccessKey_userName_idx" ON "AccessKey"("userName");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_id_key" ON "AuditEvent"("id");

-- CreateIndex
CREATE INDEX "AuditEvent_action_idx" ON "AuditEvent"("action");

-- CreateIndex
CREATE INDEX "AuditEvent_resourceArn_idx" ON "AuditEvent"("resourceArn");

-- CreateIndex
CREATE INDEX "AuditEvent_keyId_idx" ON "AuditEvent"("keyId");

-- CreateIndex
CREATE INDEX "AuditEvent_principal_idx" ON "AuditEvent"("principal");

-- CreateIndex
CREATE INDEX "AuditEvent_eventTime_idx" ON "AuditEvent"("eventTime");
