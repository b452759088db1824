package io.pledge.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pledge.core.GroupCommit;
import io.pledge.core.Scope;
import io.pledge.core.Violations;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.MutableClock;
import io.pledge.support.TestCatalog;
import io.pledge.tickets.Ingest.BatchResult;
import io.pledge.tickets.Ingest.Outcome;
import io.pledge.tickets.Ingest.Request;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ingest's group commit: requests stored together keep their own outcomes, a group whose transaction
 * fails is stored request by request, and two nodes storing the same events store each once. Run on H2
 * and PostgreSQL.
 */
public abstract class IngestGroupContract extends DatabaseIntegrationTest {

    @Autowired
    Ingest ingest;

    @Autowired
    IngestWriter writer;

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

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    @Autowired
    io.pledge.audit.AuditLog audit;

    String slug;
    String source;
    Instant now;

    @BeforeEach
    void catalog() {
        slug = TestCatalog.create(api()).slug();
        source = unique("psa");
        now = clock.instant();
    }

    @Test
    void requestsStoredTogetherKeepTheirOwnOutcomes() {
        var opens = request(false, created("T1", "e1", 60), event("T1", "e2", "REPLIED", 50, "AGENT"));
        var rejected = request(false, event("T1", "e3", "NOTE", 40, null), event("T404", "e4", "NOTE", 40, null));
        var follows = request(false, event("T1", "e3", "NOTE", 30, null), event("T1", "e5", "RESOLVED", 20, null));
        var repeats = request(true, event("T1", "e2", "REPLIED", 50, "AGENT"));

        writer.write(List.of(opens, rejected, follows, repeats), nothingWaiting());

        assertThat(outcomes(opens.await())).containsExactly(Outcome.ACCEPTED, Outcome.ACCEPTED);
        assertThat(rejected.await().stored()).isFalse();
        assertThat(outcomes(rejected.await())).containsExactly(Outcome.NOT_STORED, Outcome.REJECTED);
        // e3 was not stored with the rejected request, so it is new here; T1 is the ticket opened above.
        assertThat(outcomes(follows.await())).containsExactly(Outcome.ACCEPTED, Outcome.ACCEPTED);
        assertThat(outcomes(repeats.await())).containsExactly(Outcome.DUPLICATE);
        Ticket ticket = tickets.lockByExternalIds(source, List.of("T1")).get(0);
        List<RecordedEvent> events = ticketEvents.of(ticket.id(), Scope.everything());
        assertThat(events).extracting(RecordedEvent::eventId).containsExactly("e1", "e2", "e3", "e5");
        assertThat(events).extracting(RecordedEvent::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(ticket.status().name()).isEqualTo("RESOLVED");
        assertThat(jdbc.sql("select state from ticket_clock where ticket_id = :id order by metric")
                        .param("id", ticket.id().value())
                        .query(String.class)
                        .list())
                .containsExactly("MET", "MET");
        assertThat(count("select count(*) from ticket where source = :source")).isEqualTo(1);
        // Each stored event is in the audit chain of the ticket's client, written by the source.
        assertThat(jdbc.sql("select subject from audit_entry where chain = :chain and actor = :actor order by seq")
                        .param("chain", "client:" + ticket.clientId())
                        .param("actor", "source:" + source)
                        .query(String.class)
                        .list())
                .containsExactly(
                        "ticket:" + ticket.id() + "#1",
                        "ticket:" + ticket.id() + "#2",
                        "ticket:" + ticket.id() + "#3",
                        "ticket:" + ticket.id() + "#4");
    }

    @Test
    void aGroupWhoseTransactionFailsIsStoredRequestByRequest() throws Exception {
        double retriesBefore = meters.counter("pledge.ingest.group.retries").count();
        CountDownLatch inserted = new CountDownLatch(1);
        ExecutorService otherNode = Executors.newSingleThreadExecutor();
        // Another node stores T2 and its CREATED event c2, and commits only after this node's group has
        // read that T2 does not exist yet and is waiting to insert it.
        Future<?> other = otherNode.submit(() -> transactions.executeWithoutResult(status -> {
            Ticket ticket = desk.draft(
                    new TicketDocument(slug, "P2", null, "T2", null, null, at(60), source, "T2"),
                    now,
                    new Violations(),
                    "");
            RecordedEvent creation = desk.created(ticket, "c2", now);
            refresh.insert(
                    refresh.evaluate(List.of(ticket), Map.of(ticket.id(), List.of(creation)), now),
                    now,
                    ClockRefresh.Thresholds.FIRE);
            ticketEvents.append(List.of(creation));
            inserted.countDown();
            // Commit only once this node's group waits on the row inserted here: the conflict is certain.
            awaitASessionBlockedOnALock();
        }));
        assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
        var sameTicket = request(false, created("T2", "c2", 60));
        var another = request(false, created("T3", "c3", 60));

        writer.write(List.of(sameTicket, another), nothingWaiting());
        other.get(10, TimeUnit.SECONDS);
        otherNode.shutdown();

        assertThat(outcomes(sameTicket.await())).containsExactly(Outcome.DUPLICATE);
        assertThat(outcomes(another.await())).containsExactly(Outcome.ACCEPTED);
        assertThat(meters.counter("pledge.ingest.group.retries").count()).isEqualTo(retriesBefore + 1);
        assertThat(count("select count(*) from ticket where source = :source")).isEqualTo(2);
        assertThat(count("select count(*) from ticket_event where source = :source"))
                .isEqualTo(2);
    }

    @Test
    void twoNodesStoringTheSameEventsStoreEachOnce() throws Exception {
        GroupCommit<Request, BatchResult> otherWriter = Ingest.writer(new IngestWriter(
                desk, refresh, tickets, ticketEvents, audit, transactions, clock, new SimpleMeterRegistry()));
        otherWriter.start();
        Ingest otherNode = new Ingest(otherWriter);
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<BatchResult>> sent = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < 20; i++) {
                    String ticket = "N" + i;
                    IngestEvent event = round == 0
                            ? created(ticket, ticket + "/c", 60)
                            : event(ticket, ticket + "/r", "REPLIED", 30, "AGENT");
                    for (Ingest node : List.of(ingest, otherNode)) {
                        sent.add(senders.submit(() -> node.accept(source, List.of(event), false)));
                    }
                }
                for (Future<BatchResult> result : sent) {
                    assertThat(result.get(30, TimeUnit.SECONDS).stored()).isTrue();
                }
            }
            long accepted = 0;
            for (Future<BatchResult> result : sent) {
                accepted += result.get().count(Outcome.ACCEPTED);
                assertThat(result.get().count(Outcome.ACCEPTED) + result.get().count(Outcome.DUPLICATE))
                        .isEqualTo(1);
            }
            assertThat(accepted).isEqualTo(40);
        } finally {
            senders.shutdownNow();
            otherWriter.stop();
        }
        assertThat(count("select count(*) from ticket where source = :source")).isEqualTo(20);
        assertThat(count("select count(*) from ticket_event where source = :source"))
                .isEqualTo(40);
    }

    private GroupCommit.Pending<Request, BatchResult> request(boolean partial, IngestEvent... events) {
        return new GroupCommit.Pending<>(new Request(source, List.of(events), partial));
    }

    private static GroupCommit.Waiting nothingWaiting() {
        return cause -> 0;
    }

    private IngestEvent created(String ticket, String eventId, int minutesAgo) {
        return new IngestEvent(
                eventId,
                ticket,
                "CREATED",
                at(minutesAgo),
                "P2",
                null,
                null,
                null,
                null,
                null,
                null,
                slug,
                null,
                null,
                null,
                null);
    }

    private IngestEvent event(String ticket, String eventId, String type, int minutesAgo, String author) {
        return new IngestEvent(
                eventId,
                ticket,
                type,
                at(minutesAgo),
                null,
                null,
                author,
                author == null ? null : true,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private String at(int minutesAgo) {
        return now.minus(Duration.ofMinutes(minutesAgo)).toString();
    }

    private static List<Outcome> outcomes(BatchResult result) {
        return result.results().stream().map(Ingest.Result::outcome).toList();
    }

    private long count(String sql) {
        return jdbc.sql(sql).param("source", source).query(Long.class).single();
    }

    /**
     * Polls, from a connection of its own, until a database session waits on a row lock (10 s at most):
     * this node's group inserting the ticket the other transaction holds.
     */
    private void awaitASessionBlockedOnALock() {
        String blocked = isPostgres()
                ? "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                // H2 names no blocker for a row a uniqueness check waits on: look for the insert in progress.
                : "select count(*) from information_schema.sessions where lower(executing_statement) like 'insert into ticket (%'";
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (jdbc.sql(blocked).query(Long.class).single() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no session ever waited on the row this transaction inserted");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private boolean isPostgres() {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            return connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
