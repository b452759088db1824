package io.pledge.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A dashboard lists the clients most at risk unless asked for all of them. */
class DashboardTest {

    @Test
    void theFirstClientsInTheDashboardsOrderAreListedUnlessAllAreAskedFor() {
        Dashboard many = dashboard(Dashboard.CLIENTS_SHOWN + 1);

        assertThat(many.clientsToList(false))
                .hasSize(Dashboard.CLIENTS_SHOWN)
                .containsExactlyElementsOf(many.clients().subList(0, Dashboard.CLIENTS_SHOWN));
        assertThat(many.clientsToList(true)).isEqualTo(many.clients());
    }

    @Test
    void aFewClientsAreAllListed() {
        Dashboard few = dashboard(3);

        assertThat(few.clientsToList(false)).isEqualTo(few.clients());
    }

    private static Dashboard dashboard(int clients) {
        List<Dashboard.ClientLine> lines = IntStream.range(0, clients)
                .mapToObj(i -> new Dashboard.ClientLine(
                        UUID.randomUUID(),
                        "Client " + i,
                        "client-" + i,
                        "UTC",
                        "Gold",
                        clients - i,
                        0,
                        null,
                        null,
                        null,
                        null))
                .toList();
        return new Dashboard("2026-12", 0, 0, lines, List.of(), 0, List.of(), List.of());
    }
}
