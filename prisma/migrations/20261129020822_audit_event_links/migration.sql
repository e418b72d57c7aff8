-- CreateIndex
CREATE INDEX "AuditEvent_id_idx" ON "AuditEvent"("id");

-- CreateIndex
CREATE INDEX "AuditEvent_causedBy_idx" ON "AuditEvent"("causedBy");
