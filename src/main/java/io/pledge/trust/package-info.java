/**
 * The public trust page: what the MSP chooses to publish, for itself or for one client (systems by a public
 * name, compliance figures per priority, incidents it writes, planned maintenance), served to anyone from a
 * snapshot held in memory as a page, badges, feeds and a widget.
 */
package io.pledge.trust;
