package io.pledge.trust.jdbc;

import io.pledge.clients.ClientId;
import io.pledge.core.ConflictException;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import io.pledge.trust.PublishedFigure;
import io.pledge.trust.PublishedSystem;
import io.pledge.trust.TrustPage;
import io.pledge.trust.TrustPages;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional
class JdbcTrustPages implements TrustPages {

    private static final String MSP = "msp";
    private static final String COLUMNS = """
            select id, client_id, slug, name, logo_url, accent_colour, language, visibility, secret_sha256, published,
                   figures, created_at, updated_at
            from trust_page""";

    private final JdbcClient jdbc;

    JdbcTrustPages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(TrustPage page) {
        try {
            jdbc.sql("""
                            insert into trust_page (id, client_id, owner_key, slug, name, logo_url, accent_colour, language,
                                                    visibility, secret_sha256, published, figures, created_at, updated_at)
                            values (:id, :client, :owner, :slug, :name, :logo, :accent, :language, :visibility, :secret,
                                    :published, :figures, :created, :updated)""")
                    .param("id", page.id())
                    .param(
                            "client",
                            page.client() == null ? null : page.client().value())
                    .param(
                            "owner",
                            page.client() == null ? MSP : page.client().value().toString())
                    .param("slug", page.slug())
                    .param("name", page.name())
                    .param("logo", page.logoUrl())
                    .param("accent", page.accentColour())
                    .param("language", page.language())
                    .param("visibility", page.visibility().name())
                    .param("secret", page.secretSha256())
                    .param("published", page.published())
                    .param("figures", figures(page.figures()))
                    .param("created", Timestamps.utc(page.createdAt()))
                    .param("updated", Timestamps.utc(page.updatedAt()))
                    .update();
        } catch (DuplicateKeyException taken) {
            throw conflict(page);
        }
        insertSystems(page);
    }

    @Override
    public boolean replace(TrustPage page) {
        int updated;
        try {
            updated = jdbc.sql("""
                            update trust_page set slug = :slug, name = :name, logo_url = :logo, accent_colour = :accent,
                                   language = :language, visibility = :visibility, secret_sha256 = :secret,
                                   published = :published, figures = :figures, updated_at = :updated
                            where id = :id""")
                    .param("id", page.id())
                    .param("slug", page.slug())
                    .param("name", page.name())
                    .param("logo", page.logoUrl())
                    .param("accent", page.accentColour())
                    .param("language", page.language())
                    .param("visibility", page.visibility().name())
                    .param("secret", page.secretSha256())
                    .param("published", page.published())
                    .param("figures", figures(page.figures()))
                    .param("updated", Timestamps.utc(page.updatedAt()))
                    .update();
        } catch (DuplicateKeyException taken) {
            throw new ConflictException("slug", "\"" + page.slug() + "\" is the address of another page");
        }
        if (updated == 0) {
            return false;
        }
        jdbc.sql("delete from trust_system where page_id = :id")
                .param("id", page.id())
                .update();
        insertSystems(page);
        return true;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TrustPage> find(UUID id) {
        return read(COLUMNS + " where id = :id", Map.of("id", id)).stream().findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TrustPage> findByOwner(ClientId client) {
        return read(
                        COLUMNS + " where owner_key = :owner",
                        Map.of("owner", client == null ? MSP : client.value().toString()))
                .stream()
                .findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TrustPage> findBySlug(String slug) {
        return read(COLUMNS + " where slug = :slug", Map.of("slug", slug)).stream()
                .findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public List<TrustPage> all() {
        return read(COLUMNS + " order by case when client_id is null then 0 else 1 end, slug", Map.of());
    }

    @Override
    public boolean remove(UUID id) {
        return jdbc.sql("delete from trust_page where id = :id").param("id", id).update() > 0;
    }

    private void insertSystems(TrustPage page) {
        for (PublishedSystem system : page.systems()) {
            jdbc.sql("""
                            insert into trust_system (page_id, monitor_id, slug, name, position)
                            values (:page, :monitor, :slug, :name, :position)""")
                    .param("page", page.id())
                    .param("monitor", system.monitor())
                    .param("slug", system.slug())
                    .param("name", system.name())
                    .param("position", system.position())
                    .update();
        }
    }

    private List<TrustPage> read(String sql, Map<String, ?> params) {
        List<TrustPage> pages =
                jdbc.sql(sql).params(params).query(JdbcTrustPages::page).list();
        if (pages.isEmpty()) {
            return pages;
        }
        Map<UUID, List<PublishedSystem>> systems = new LinkedHashMap<>();
        jdbc.sql("""
                        select page_id, monitor_id, slug, name, position from trust_system
                        where page_id in (:pages) order by page_id, position""")
                .param("pages", pages.stream().map(TrustPage::id).toList())
                .query((row, index) -> {
                    systems.computeIfAbsent(row.getObject("page_id", UUID.class), k -> new ArrayList<>())
                            .add(new PublishedSystem(
                                    row.getObject("monitor_id", UUID.class),
                                    row.getString("slug"),
                                    row.getString("name"),
                                    row.getInt("position")));
                    return null;
                })
                .list();
        return pages.stream()
                .map(page -> new TrustPage(
                        page.id(),
                        page.client(),
                        page.slug(),
                        page.name(),
                        page.logoUrl(),
                        page.accentColour(),
                        page.language(),
                        page.visibility(),
                        page.published(),
                        systems.getOrDefault(page.id(), List.of()),
                        page.figures(),
                        page.secretSha256(),
                        page.createdAt(),
                        page.updatedAt()))
                .toList();
    }

    private static TrustPage page(ResultSet row, int index) throws SQLException {
        UUID client = row.getObject("client_id", UUID.class);
        String figures = row.getString("figures");
        return new TrustPage(
                row.getObject("id", UUID.class),
                client == null ? null : new ClientId(client),
                row.getString("slug"),
                row.getString("name"),
                row.getString("logo_url"),
                row.getString("accent_colour"),
                row.getString("language"),
                TrustPage.Visibility.valueOf(row.getString("visibility")),
                row.getBoolean("published"),
                List.of(),
                figures.isEmpty()
                        ? List.of()
                        : Arrays.stream(figures.split(","))
                                .map(JdbcTrustPages::figure)
                                .toList(),
                row.getString("secret_sha256"),
                Timestamps.instant(row, "created_at"),
                Timestamps.instant(row, "updated_at"));
    }

    private static PublishedFigure figure(String key) {
        int colon = key.indexOf(':');
        return new PublishedFigure(Metric.valueOf(key.substring(0, colon)), Priority.of(key.substring(colon + 1)));
    }

    private static String figures(List<PublishedFigure> figures) {
        return figures.stream()
                .map(f -> f.metric().name() + ":" + f.priority().code())
                .collect(Collectors.joining(","));
    }

    private static ConflictException conflict(TrustPage page) {
        return page.client() == null
                ? new ConflictException("client", "the MSP has a trust page already, or its slug is taken")
                : new ConflictException(
                        "slug", "\"" + page.slug() + "\" is the address of another page, or the client has a page");
    }
}
