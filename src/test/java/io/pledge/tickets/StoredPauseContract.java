package io.pledge.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.core.Scope;
import io.pledge.core.Violations;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.sla.EventType;
import io.pledge.sla.Priority;
import io.pledge.sla.TicketStatus;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.MutableClock;
import io.pledge.support.TestCatalog;
import io.pledge.tickets.ClockRecords.ClockRecord;
import io.pledge.tickets.ClockRecords.Paused;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pause time stored with each clock row equals what the engine finds replaying the ticket's timeline,
 * over random timelines (pauses waiting on the customer, on a vendor and in another pause status, replies,
 * priority changes, resolutions and reopenings), whether the rows were inserted in bulk (COPY on
 * PostgreSQL, as an import writes them) or updated in place when events arrive later (as ingest writes
 * them); and the row carries its ticket's client, tier, creation instant, policy version and calendar. Run on H2 and PostgreSQL.
 */
public abstract class StoredPauseContract extends DatabaseIntegrationTest {

    /** Statuses a random timeline moves through: three pause statuses of the policy below, and work. */
    private static final List<TicketStatus> STATUSES = List.of(
            TicketStatus.WAITING_ON_CUSTOMER,
            TicketStatus.WAITING_ON_VENDOR,
            TicketStatus.SCHEDULED,
            TicketStatus.IN_PROGRESS,
            TicketStatus.OPEN);

    @Autowired
    TicketDesk desk;

    @Autowired
    ClockRefresh refresh;

    @Autowired
    TicketEvents ticketEvents;

    @Autowired
    ClockRecords records;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void storedPauseTimeIsTheReplaysOverRandomTimelines() {
        TestCatalog catalog = TestCatalog.create(api(), """
                "pauseStatuses": {"FIRST_RESPONSE": ["WAITING_ON_CUSTOMER"],
                                  "RESOLUTION": ["WAITING_ON_CUSTOMER", "WAITING_ON_VENDOR", "SCHEDULED"]}""");
        UUID client = UUID.fromString(catalog.clientId());
        String source = unique("pauses");
        Instant now = Timestamps.now(clock);
        Instant start = now.minus(Duration.ofDays(20));
        Random random = new Random(20261202L);
        List<Ticket> created = new ArrayList<>();
        Map<TicketId, List<RecordedEvent>> timelines = new HashMap<>();
        for (int i = 0; i < 80; i++) {
            Instant opened = start.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 14)))
                    .plusNanos(1_000L * random.nextInt(1_000_000));
            Ticket ticket = draft(catalog.slug(), source, "T-" + i, random.nextBoolean() ? "P1" : "P2", opened, now);
            created.add(ticket);
            timelines.put(ticket.id(), timeline(ticket, opened, now, random));
        }
        transactions.executeWithoutResult(status -> {
            refresh.insert(refresh.evaluate(created, timelines, now), now, ClockRefresh.Thresholds.HISTORY);
            ticketEvents.append(
                    timelines.values().stream().flatMap(List::stream).toList());
        });
        assertStoredIsReplayed(client, start, now);

        // Later events for half of them: the rows are updated in place, pause time with them.
        Instant later = now.plus(Duration.ofHours(30));
        clock.set(later);
        List<Ticket> changed = new ArrayList<>();
        List<RecordedEvent> arrived = new ArrayList<>();
        for (int i = 0; i < created.size(); i += 2) {
            Ticket ticket = created.get(i);
            List<RecordedEvent> timeline = timelines.get(ticket.id());
            Instant at = now.plus(Duration.ofMinutes(1 + random.nextInt(600)));
            long seq = timeline.size() + 1;
            List<RecordedEvent> added = List.of(
                    event(ticket, seq, EventType.REOPENED, at, null, null),
                    event(
                            ticket,
                            seq + 1,
                            EventType.STATUS_CHANGED,
                            at.plusSeconds(60),
                            null,
                            TicketStatus.WAITING_ON_VENDOR),
                    event(
                            ticket,
                            seq + 2,
                            EventType.STATUS_CHANGED,
                            at.plusSeconds(5_000),
                            null,
                            TicketStatus.SCHEDULED),
                    event(ticket, seq + 3, EventType.RESOLVED, at.plusSeconds(9_000), null, null));
            List<RecordedEvent> whole = new ArrayList<>(timeline);
            whole.addAll(added);
            timelines.put(ticket.id(), whole);
            arrived.addAll(added);
            changed.add(ticket);
        }
        transactions.executeWithoutResult(status -> {
            ticketEvents.append(arrived);
            refresh.update(changed, timelines, later, ClockRefresh.Thresholds.HISTORY);
        });
        assertStoredIsReplayed(client, start, later);

        assertThat(jdbc.sql("""
                        select count(*) from ticket_clock c join ticket t on t.id = c.ticket_id
                        where t.source = :source and (c.client_id <> t.client_id or c.tier_id <> t.tier_id
                          or c.ticket_created_at <> t.created_at or c.policy_version <> t.policy_version
                          or c.calendar_id <> t.calendar_id)""").param("source", source).query(Long.class).single())
                .isZero();
    }

    private void assertStoredIsReplayed(UUID client, Instant from, Instant to) {
        Map<String, Paused> stored = new HashMap<>();
        for (ClockRecord record : records.ofPeriod(client, from, to, Scope.everything())) {
            if (record.stoppedWithin(from, to)) {
                assertThat(record.paused())
                        .as("pause time stored with %s", record)
                        .isNotNull();
                stored.put(record.ticket().value() + "/" + record.metric(), record.paused());
            }
        }
        Map<String, Paused> replayed = new HashMap<>();
        records.pausedOfPeriod(client, from, to, Scope.everything())
                .forEach(p -> replayed.put(p.ticket().value() + "/" + p.metric(), p));
        assertThat(stored).isEqualTo(replayed);
        // The timelines reach every reason, so the comparison is not one of zeros.
        assertThat(stored.values()).anyMatch(p -> !p.waitingOnCustomer().isZero());
        assertThat(stored.values()).anyMatch(p -> !p.waitingOnVendor().isZero());
        assertThat(stored.values()).anyMatch(p -> !p.other().isZero());
        assertThat(stored.size()).isGreaterThan(60);
    }

    /** A random timeline: created, a few status changes, a reply, maybe a priority change, resolved, maybe reopened. */
    private List<RecordedEvent> timeline(Ticket ticket, Instant opened, Instant now, Random random) {
        List<RecordedEvent> events = new ArrayList<>();
        events.add(desk.created(ticket, null, opened));
        Instant at = opened;
        int rounds = 1 + random.nextInt(3);
        for (int round = 0; round < rounds; round++) {
            int steps = 1 + random.nextInt(5);
            for (int step = 0; step < steps; step++) {
                at = at.plus(Duration.ofMinutes(1 + random.nextInt(240))).plusNanos(1_000L * random.nextInt(1_000));
                int kind = random.nextInt(10);
                if (kind < 6) {
                    TicketStatus status = STATUSES.get(random.nextInt(STATUSES.size()));
                    events.add(event(ticket, events.size() + 1, EventType.STATUS_CHANGED, at, null, status));
                } else if (kind < 8) {
                    events.add(event(ticket, events.size() + 1, EventType.REPLIED, at, null, null));
                } else {
                    Priority priority = Priority.of(random.nextBoolean() ? "P1" : "P2");
                    events.add(event(ticket, events.size() + 1, EventType.PRIORITY_CHANGED, at, priority, null));
                }
            }
            at = at.plus(Duration.ofMinutes(1 + random.nextInt(120)));
            events.add(event(ticket, events.size() + 1, EventType.RESOLVED, at, null, null));
            if (round + 1 < rounds) {
                at = at.plus(Duration.ofMinutes(1 + random.nextInt(300)));
                events.add(event(ticket, events.size() + 1, EventType.REOPENED, at, null, null));
            }
        }
        return events.stream().filter(e -> e.at().isBefore(now)).toList();
    }

    private static RecordedEvent event(
            Ticket ticket, long seq, EventType kind, Instant at, Priority priority, TicketStatus status) {
        boolean reply = kind == EventType.REPLIED;
        return new RecordedEvent(
                UUID.randomUUID(),
                ticket.id(),
                seq,
                kind,
                at,
                priority,
                status,
                status == null ? null : status.name(),
                reply ? "AGENT" : null,
                reply ? Boolean.TRUE : null,
                null,
                null,
                null,
                null,
                null,
                at,
                null);
    }

    private Ticket draft(String slug, String source, String externalId, String priority, Instant opened, Instant now) {
        return desk.draft(
                new TicketDocument(
                        slug,
                        priority,
                        "ERP",
                        "subject " + externalId,
                        "description",
                        null,
                        opened.toString(),
                        source,
                        externalId),
                now,
                new Violations(),
                "");
    }
}
