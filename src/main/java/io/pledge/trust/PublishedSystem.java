package io.pledge.trust;

import java.util.UUID;

/**
 * A monitor published on a trust page under a public name; the monitor's own name never shows.
 *
 * @param slug the system's address on the page (its badges), made from its public name
 * @param position its place on the page, from 0
 */
public record PublishedSystem(UUID monitor, String slug, String name, int position) {}
