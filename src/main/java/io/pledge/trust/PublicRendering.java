package io.pledge.trust;

import java.util.Map;

/**
 * Renders a published page's figures into every public answer it has, keyed by path below the page's
 * address ({@code ""} for the page, {@code badges/status.svg}...), prefixed by {@code en/} or {@code fr/} for
 * answers that come in both languages.
 */
public interface PublicRendering {

    Map<String, PublicResource> render(PageFigures figures);
}
