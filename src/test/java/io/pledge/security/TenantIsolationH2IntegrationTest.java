package io.pledge.security;

/** Tenant isolation on H2. */
class TenantIsolationH2IntegrationTest extends TenantIsolationContract {}
