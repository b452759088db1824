package io.pledge.audit;

/** The audit log on H2. */
class AuditLogH2IntegrationTest extends AuditLogContract {}
