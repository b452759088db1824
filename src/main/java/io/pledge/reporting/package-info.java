/** What Pledge proves to a client: compliance over a period and the service credits owed for it. */
package io.pledge.reporting;
