/** Opt-in demonstration catalog (PLEDGE_DEMO=true): tiers, calendars, clients and contracts to explore Pledge. */
package io.pledge.demo;
