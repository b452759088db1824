/**
 * The MSP's catalog: clients (the tenants), service tiers with their versioned SLA policies, and the
 * contracts that put a client on a tier over a calendar for a period.
 */
package io.pledge.clients;
