/**
 * Service credits in plain Java: what a period's figures owe under a tier's credit schedules and a
 * contract's fee, line by line with its evidence, and what the current period puts at risk.
 */
package io.pledge.reporting.credits;
