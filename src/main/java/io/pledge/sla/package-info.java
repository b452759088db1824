/**
 * SLA policies and clocks: per priority and metric a target in business time, the thresholds that warn
 * before a breach, and the rules for pauses, reopening and priority changes. Plain Java.
 */
package io.pledge.sla;
