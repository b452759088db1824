/**
 * What Pledge proves to a client: compliance over a period (clocks, breaches, pauses, uptime, the change
 * against the previous period, the accounting rules), the service credits owed for it, the QBR pack a
 * manager hands over (HTML and PDF from the same template), and the MSP-wide overview, computed when asked
 * from the records other modules keep.
 */
package io.pledge.reporting;
