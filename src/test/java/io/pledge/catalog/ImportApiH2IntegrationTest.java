package io.pledge.catalog;

/** CSV imports on H2. */
class ImportApiH2IntegrationTest extends ImportApiContract {}
