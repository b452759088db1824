package io.pledge.security;

/** Access control on H2. */
class AccessControlH2IntegrationTest extends AccessControlContract {}
