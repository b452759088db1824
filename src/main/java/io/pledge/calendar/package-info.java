/**
 * Business-hours calendars: the weekly opening hours, holidays and date overrides, in an IANA time
 * zone, that every SLA target is counted in. Plain Java; web and persistence adapters are nested.
 */
package io.pledge.calendar;
