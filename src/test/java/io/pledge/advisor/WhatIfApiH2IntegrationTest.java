package io.pledge.advisor;

/** The what-if replay on H2. */
class WhatIfApiH2IntegrationTest extends WhatIfApiContract {}
