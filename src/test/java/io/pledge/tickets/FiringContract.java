package io.pledge.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.support.Api.Response;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.MutableClock;
import io.pledge.support.TestCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Thresholds fire once per clock cycle, with the instant they were crossed, as time passes or as an
 * event re-targets a clock; paused and stopped clocks do not fire; two pollers fire nothing twice. The
 * policy: P1 first response 15 min, resolution 4 h; P2 1 h and 8 h; thresholds 75 % and 90 %; a 24x7
 * calendar. Run on H2 and PostgreSQL.
 */
@Import(FiringContract.Listening.class)
public abstract class FiringContract extends DatabaseIntegrationTest {

    @Autowired
    ThresholdFiring firing;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fired fired;

    String slug;

    @BeforeEach
    void catalog() {
        slug = TestCatalog.create(api()).slug();
    }

    @Test
    void eachThresholdFiresOnceWithTheInstantItWasCrossed() {
        Instant opened = io.pledge.core.jdbc.Timestamps.now(clock);
        String ticket = open("P1");

        clock.set(opened.plus(Duration.ofMinutes(12)));
        fireAll();
        assertThat(fired.of(ticket)).containsExactly("warned FIRST_RESPONSE 0.75 at " + opened.plusSeconds(675));
        fireAll();
        assertThat(fired.of(ticket)).hasSize(1);

        clock.set(opened.plus(Duration.ofMinutes(16)));
        fireAll();
        assertThat(fired.of(ticket))
                .containsExactly(
                        "warned FIRST_RESPONSE 0.75 at " + opened.plusSeconds(675),
                        "warned FIRST_RESPONSE 0.9 at " + opened.plusSeconds(810),
                        "breached FIRST_RESPONSE at " + opened.plusSeconds(900));
        assertThat(jdbc.sql("select count(*) from clock_firing where ticket_id = :id")
                        .param("id", java.util.UUID.fromString(ticket))
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void pausedAndStoppedClocksDoNotFire() {
        Instant opened = io.pledge.core.jdbc.Timestamps.now(clock);
        String ticket = open("P2");
        record(ticket, "{\"type\": \"REPLIED\", \"author\": \"AGENT\"}");
        record(ticket, "{\"type\": \"STATUS_CHANGED\", \"status\": \"WAITING_ON_CUSTOMER\"}");

        clock.set(opened.plus(Duration.ofHours(10)));
        fireAll();

        assertThat(fired.of(ticket)).isEmpty();
    }

    @Test
    void aRetroactivePriorityChangeFiresWhatItCrossedAtOnceAndOnce() {
        Instant opened = io.pledge.core.jdbc.Timestamps.now(clock);
        String ticket = open("P2");
        clock.set(opened.plus(Duration.ofMinutes(20)));

        record(ticket, "{\"type\": \"PRIORITY_CHANGED\", \"priority\": \"P1\"}");

        List<String> expected = List.of(
                "warned FIRST_RESPONSE 0.75 at " + opened.plusSeconds(675),
                "warned FIRST_RESPONSE 0.9 at " + opened.plusSeconds(810),
                "breached FIRST_RESPONSE at " + opened.plusSeconds(900));
        assertThat(fired.of(ticket)).containsExactlyElementsOf(expected);
        fireAll();
        assertThat(fired.of(ticket)).containsExactlyElementsOf(expected);
    }

    @Test
    void twoPollersFireEachThresholdOnce() throws Exception {
        Instant opened = io.pledge.core.jdbc.Timestamps.now(clock);
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            tickets.add(open("P1"));
        }
        clock.set(opened.plus(Duration.ofMinutes(16)));

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                running.add(nodes.submit(() -> {
                    while (firing.fireDue(5) > 0) {
                        // claim the next few
                    }
                }));
            }
            for (Future<?> node : running) {
                node.get(60, TimeUnit.SECONDS);
            }
        } finally {
            nodes.shutdownNow();
        }

        for (String ticket : tickets) {
            assertThat(fired.of(ticket)).as(ticket).hasSize(3).doesNotHaveDuplicates();
        }
    }

    private void fireAll() {
        while (firing.fireDue(1000) > 0) {
            // until nothing is due
        }
    }

    private String open(String priority) {
        Response opened = api().post(
                        "/api/v1/tickets",
                        "{\"client\": \"%s\", \"priority\": \"%s\", \"subject\": \"Down\"}".formatted(slug, priority));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.json().get("id").asString();
    }

    private void record(String ticket, String event) {
        Response recorded = api().post("/api/v1/tickets/" + ticket + "/events", event);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
    }

    /** What was published, per ticket, in order. */
    static final class Fired {
        private final List<String[]> published = new CopyOnWriteArrayList<>();

        @EventListener
        void warned(ClockWarned warned) {
            published.add(new String[] {
                warned.ticket().toString(),
                "warned " + warned.metric() + " " + warned.threshold().key() + " at " + warned.crossedAt()
            });
        }

        @EventListener
        void breached(ClockBreached breached) {
            published.add(new String[] {
                breached.ticket().toString(), "breached " + breached.metric() + " at " + breached.breachedAt()
            });
        }

        List<String> of(String ticket) {
            return published.stream()
                    .filter(event -> event[0].equals(ticket))
                    .map(event -> event[1])
                    .toList();
        }
    }

    @TestConfiguration
    static class Listening {
        @Bean
        Fired fired() {
            return new Fired();
        }
    }
}
