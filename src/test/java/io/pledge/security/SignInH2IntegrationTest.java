package io.pledge.security;

/** Users and sign-in on H2. */
class SignInH2IntegrationTest extends SignInContract {}
