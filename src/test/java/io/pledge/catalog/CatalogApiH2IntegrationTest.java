package io.pledge.catalog;

/** The catalog API on H2 (PostgreSQL mode). */
class CatalogApiH2IntegrationTest extends CatalogApiContract {}
