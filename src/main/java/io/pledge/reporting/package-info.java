/**
 * What Pledge proves to a client: compliance over a period, the service credits owed for it, and the
 * QBR pack a manager hands over (HTML and PDF from the same template).
 */
package io.pledge.reporting;
