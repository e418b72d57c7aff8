-- DropIndex
DROP INDEX "AuditEvent_eventTime_idx";

-- DropIndex
DROP INDEX "AuditEvent_principal_idx";

-- DropIndex
DROP INDEX "AuditEvent_id_key";
