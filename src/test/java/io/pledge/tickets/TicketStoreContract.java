package io.pledge.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.core.Scope;
import io.pledge.core.Violations;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.sla.EventType;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.MutableClock;
import io.pledge.support.TestCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writing many tickets and events at once (PostgreSQL's COPY there, from 100 rows; JDBC batches on H2)
 * stores every value as given, separators and escapes included. Run on H2 and PostgreSQL.
 */
public abstract class TicketStoreContract extends DatabaseIntegrationTest {

    /** Values that COPY's text format escapes or could misread, and some that need no escaping. */
    static final List<String> AWKWARD = List.of(
            "tab\there",
            "line\nbreak",
            "carriage\rreturn",
            "back\\slash",
            "\\N",
            "\\.",
            "",
            " leading and trailing ",
            "quotes \"double\" and 'single', commas, ; semicolons",
            "accents é ü ñ, CJK 漢字, emoji 😀",
            "\\t not a tab");

    @Autowired
    TicketDesk desk;

    @Autowired
    ClockRefresh refresh;

    @Autowired
    Tickets tickets;

    @Autowired
    TicketEvents ticketEvents;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void manyEventsAreStoredExactlyAsGiven() {
        String slug = TestCatalog.create(api()).slug();
        String source = unique("bulk");
        Instant now = Timestamps.now(clock);
        Ticket ticket = draft(slug, source, "T-1", "subject", now);
        RecordedEvent created = desk.created(ticket, "T-1/c", now);
        List<RecordedEvent> events = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String text = i % 13 == 12 ? null : AWKWARD.get(i % AWKWARD.size());
            events.add(new RecordedEvent(
                    UUID.randomUUID(),
                    ticket.id(),
                    i + 2,
                    i % 2 == 0 ? EventType.NOTE : EventType.REPLIED,
                    now.minus(Duration.ofMinutes(150 - i)),
                    null,
                    null,
                    null,
                    i % 2 == 0 ? null : "AGENT",
                    i % 2 == 0 ? null : i % 4 == 1,
                    text,
                    null,
                    null,
                    source,
                    "T-1/" + i + (text == null ? "" : text),
                    now,
                    null));
        }

        transactions.executeWithoutResult(status -> {
            refresh.insert(
                    refresh.evaluate(List.of(ticket), Map.of(ticket.id(), List.of(created)), now),
                    now,
                    ClockRefresh.Thresholds.FIRE);
            ticketEvents.append(List.of(created));
            ticketEvents.append(events);
        });

        List<RecordedEvent> stored = ticketEvents.of(ticket.id(), Scope.everything());
        assertThat(stored).hasSize(151);
        assertThat(stored.subList(1, 151)).containsExactlyElementsOf(events);
    }

    @Test
    void manyTicketsAreStoredExactlyAsGivenWithTheirClocks() {
        String slug = TestCatalog.create(api()).slug();
        String source = unique("bulk");
        Instant now = Timestamps.now(clock);
        List<Ticket> created = new ArrayList<>();
        Map<TicketId, List<RecordedEvent>> timelines = new HashMap<>();
        for (int i = 0; i < 120; i++) {
            Ticket ticket = draft(slug, source, "T-" + i, AWKWARD.get(i % AWKWARD.size()) + " #" + i, now);
            created.add(ticket);
            timelines.put(ticket.id(), List.of(desk.created(ticket, null, now)));
        }

        transactions.executeWithoutResult(status -> {
            refresh.insert(refresh.evaluate(created, timelines, now), now, ClockRefresh.Thresholds.FIRE);
            ticketEvents.append(
                    timelines.values().stream().flatMap(List::stream).toList());
        });

        for (Ticket ticket : created) {
            assertThat(tickets.find(ticket.id(), Scope.everything())).contains(ticket);
        }
        assertThat(jdbc.sql("select count(*) from ticket_clock c join ticket t on t.id = c.ticket_id"
                                + " where t.source = :source")
                        .param("source", source)
                        .query(Long.class)
                        .single())
                .isEqualTo(240);
    }

    private Ticket draft(String slug, String source, String externalId, String subject, Instant now) {
        return desk.draft(
                new TicketDocument(
                        slug,
                        "P2",
                        null,
                        subject.isBlank() ? "blank" : subject,
                        "description\twith\nseparators\\",
                        null,
                        now.minus(Duration.ofHours(3)).toString(),
                        source,
                        externalId),
                now,
                new Violations(),
                "");
    }
}
