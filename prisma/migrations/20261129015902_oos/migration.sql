-- CreateTable
CREATE TABLE "OosExecution" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "regionId" TEXT NOT NULL,
    "templateName" TEXT NOT NULL,
    "templateVersion" TEXT NOT NULL,
    "mode" TEXT NOT NULL DEFAULT 'Automatic',
    "safetyCheck" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "statusMessage" TEXT NOT NULL DEFAULT '',
    "parameters" TEXT NOT NULL,
    "outputs" TEXT NOT NULL DEFAULT '{}',
    "executedBy" TEXT NOT NULL,
    "caller" TEXT NOT NULL,
    "ramRole" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "startEventId" TEXT NOT NULL,
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false,
    "startDate" DATETIME NOT NULL,
    "endDate" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "OosTaskExecution" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "executionId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "taskName" TEXT NOT NULL,
    "taskAction" TEXT NOT NULL,
    "loopItem" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL,
    "statusMessage" TEXT NOT NULL DEFAULT '',
    "step" TEXT NOT NULL DEFAULT '',
    "state" TEXT NOT NULL DEFAULT '{}',
    "outputs" TEXT NOT NULL DEFAULT '{}',
    "startDate" DATETIME,
    "endDate" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OosTaskExecution_executionId_fkey" FOREIGN KEY ("executionId") REFERENCES "OosExecution" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "OosExecution_status_idx" ON "OosExecution"("status");

-- CreateIndex
CREATE INDEX "OosExecution_regionId_startDate_idx" ON "OosExecution"("regionId", "startDate");

-- CreateIndex
CREATE INDEX "OosTaskExecution_executionId_seq_idx" ON "OosTaskExecution"("executionId", "seq");
