/**
 * What every page of Pledge shares, whichever module it belongs to: the language (the person's choice,
 * else the browser's), the message bundles, one formatter for dates, durations and numbers, and the form
 * errors taken from the same violations the API answers with.
 */
package io.pledge.core.web.pages;
