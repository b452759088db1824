/**
 * Uptime of clients' critical systems: monitors (HTTP, TCP, TLS expiry, heartbeat, external alerts),
 * downtime, maintenance windows, availability and error budgets, published as events.
 */
package io.pledge.monitoring;
