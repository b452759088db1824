package io.pledge.trust;

import io.pledge.clients.ClientId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A trust page as published: the MSP's own ({@code client} null, at {@code /trust}) or one client's (at
 * {@code /trust/{slug}}, or only at its secret link when {@code SECRET}). Nothing shows publicly before
 * {@code published}, and then only the systems and figures it lists.
 *
 * @param accentColour {@code #rrggbb}
 * @param language the page's default language, {@code en} or {@code fr}
 * @param secretSha256 the SHA-256 of the secret link's token (SECRET pages); never shown
 */
public record TrustPage(
        UUID id,
        ClientId client,
        String slug,
        String name,
        String logoUrl,
        String accentColour,
        String language,
        Visibility visibility,
        boolean published,
        List<PublishedSystem> systems,
        List<PublishedFigure> figures,
        String secretSha256,
        Instant createdAt,
        Instant updatedAt) {

    public TrustPage {
        systems = List.copyOf(systems);
        figures = List.copyOf(figures);
    }

    /** Who may open a client's page: anyone at its address, or only who holds its secret link. */
    public enum Visibility {
        PUBLIC,
        SECRET
    }

    /** Whether this is the MSP's own page. */
    public boolean isMsp() {
        return client == null;
    }

    public TrustPage withSecret(String sha256) {
        return new TrustPage(
                id,
                client,
                slug,
                name,
                logoUrl,
                accentColour,
                language,
                visibility,
                published,
                systems,
                figures,
                sha256,
                createdAt,
                updatedAt);
    }
}
