package io.pledge.trust;

import java.util.List;

/**
 * A trust page as the API takes it, bound loosely and validated by {@link TrustPublication}.
 *
 * @param client the client (id or slug) of a client's page; absent for the MSP's own page
 * @param slug a client page's address, {@code /trust/{slug}}
 * @param visibility PUBLIC (default) or SECRET: a client's page reachable only by its secret link
 * @param published whether anything shows publicly (default false)
 * @param systems the monitors shown, in order, each under a public name
 * @param figures the compliance figures shown: a metric of a priority
 * @param newSecret issue a new secret link (the old one stops working)
 */
public record TrustPageDocument(
        String client,
        String slug,
        String name,
        String logoUrl,
        String accentColour,
        String language,
        String visibility,
        Boolean published,
        List<SystemDocument> systems,
        List<FigureDocument> figures,
        Boolean newSecret) {

    /** A monitor (its id) published under a public name. */
    public record SystemDocument(String monitorId, String name) {}

    /** A metric ({@code FIRST_RESPONSE}, {@code RESOLUTION}) of a priority ({@code P1}). */
    public record FigureDocument(String metric, String priority) {}
}
