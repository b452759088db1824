package io.pledge.core.jdbc;

/** Bulk writes on H2 (JDBC batches). */
class BulkInsertH2IntegrationTest extends BulkInsertContract {}
