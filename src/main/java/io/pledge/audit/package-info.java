/**
 * The tamper-evident audit log: changes appended to hash chains, one per client and one for Pledge
 * itself, in the transaction of the change; and the check that recomputes every chain.
 */
package io.pledge.audit;
