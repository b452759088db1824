/**
 * Shared kernel: what every module uses alike, namely the caller's {@link io.pledge.core.Scope}, request
 * violations and the problem-details errors every module reports through, the bounds of input values, the
 * injected clock, secrets and signatures, SQL helpers, gauges and the poller.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.pledge.core;
