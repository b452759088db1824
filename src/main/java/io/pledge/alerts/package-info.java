/**
 * Escalations: rules that turn a clock's warning or breach into deliveries (signed webhooks, chat
 * messages), an outbox written with the firing, and a sender with retries and dead letters.
 */
package io.pledge.alerts;
