/**
 * Helps an MSP set targets it can keep: the target advisor reads the business time its clocks actually took
 * and the target a compliance level would have needed; the what-if replay reruns stored ticket history under
 * a proposed policy without changing anything stored.
 */
package io.pledge.advisor;
