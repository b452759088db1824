package io.pledge.catalog;

/** The catalog repositories on H2 (PostgreSQL mode). */
class CatalogRepositoriesH2IntegrationTest extends CatalogRepositoriesContract {}
