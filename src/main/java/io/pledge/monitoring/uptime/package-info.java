/**
 * The uptime maths in plain Java: half-open spans, confirmation of status changes, maintenance
 * schedules, availability, error budgets and burn rates.
 */
package io.pledge.monitoring.uptime;
