/**
 * Escalations: rules that turn a clock's warning or breach into deliveries (signed webhooks, chat
 * messages), an outbox written with the firing, and a sender with retries and dead letters. Rules and
 * deliveries are stored through {@link io.pledge.alerts.EscalationRules} and {@link io.pledge.alerts.Deliveries},
 * implemented in {@code jdbc/}.
 */
package io.pledge.alerts;
