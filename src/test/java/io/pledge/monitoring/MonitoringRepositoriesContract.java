package io.pledge.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.pledge.clients.ClientId;
import io.pledge.core.Scope;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.monitoring.uptime.MonitorState;
import io.pledge.support.DatabaseIntegrationTest;
import io.pledge.support.MutableClock;
import io.pledge.support.TestCatalog;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The monitoring repositories against the schema: what is stored comes back as it was given, reads of a
 * client's rows keep to the caller's scope, and the records that change in place (downtime, statistics,
 * gaps) change as their callers rely on. Run on H2 and PostgreSQL.
 */
public abstract class MonitoringRepositoriesContract extends DatabaseIntegrationTest {

    @Autowired
    Monitors monitors;

    @Autowired
    Downtimes downtimes;

    @Autowired
    CheckStatistics statistics;

    @Autowired
    MaintenanceWindows windows;

    @Autowired
    MonitoringGaps gaps;

    @Autowired
    MutableClock clock;

    ClientId client;
    ClientId other;
    Instant now;

    @BeforeEach
    void setUp() {
        client = new ClientId(UUID.fromString(TestCatalog.create(api()).clientId()));
        other = new ClientId(UUID.fromString(TestCatalog.create(api()).clientId()));
        now = Timestamps.now(clock);
    }

    /** A paused monitor, so that no check round of another test claims it. */
    private Monitor paused(ClientId owner, String name, MonitorKind kind, MonitorSettings settings) {
        MonitorDefinition definition = new MonitorDefinition(
                name,
                new MonitorDefinition.Probe(kind, settings, Duration.ofSeconds(5)),
                new MonitorDefinition.Schedule(Duration.ofSeconds(30), 3, 2),
                new MonitorDefinition.Commitment(null, "ERP", new BigDecimal("99.95"), null),
                false);
        return new Monitor(UUID.randomUUID(), owner, definition, Monitor.Standing.pending(null), now, now);
    }

    private static MonitorSettings tcp() {
        return MonitorSettings.tcp("erp.example.com", 22);
    }

    private static MonitorSettings external(Map<String, String> labels) {
        return MonitorSettings.external(labels);
    }

    @Test
    void aMonitorComesBackAsStoredWithinItsClientsScopeOnly() {
        Monitor monitor = paused(client, "ERP", MonitorKind.TCP, tcp());
        monitors.add(monitor, "hash-" + monitor.id());

        Monitor found = monitors.find(monitor.id(), Scope.everything()).orElseThrow();
        assertThat(found.client()).isEqualTo(client);
        assertThat(found.definition()).isEqualTo(monitor.definition());
        assertThat(found.standing()).isEqualTo(Monitor.Standing.pending(null));
        assertThat(found.createdAt()).isEqualTo(now);
        assertThat(monitors.find(monitor.id(), Scope.client(client.value()))).isPresent();
        assertThat(monitors.find(monitor.id(), Scope.client(other.value()))).isEmpty();
        assertThat(monitors.list(client, Scope.everything()))
                .extracting(Monitor::id)
                .containsExactly(monitor.id());
        assertThat(monitors.list(client, Scope.client(other.value()))).isEmpty();
        assertThat(monitors.list(null, Scope.client(client.value())))
                .extracting(Monitor::id)
                .containsExactly(monitor.id());
        assertThat(monitors.lockBySecret("hash-" + monitor.id()))
                .map(Monitor::id)
                .contains(monitor.id());
        assertThat(monitors.countByStatus()).contains(new Monitors.Count(client, "TCP", "PAUSED", 1));
    }

    @Test
    void aReplacedDefinitionKeepsTheStateAndTheSecretUnlessANewOneIsGiven() {
        Monitor monitor = paused(client, "Alerts", MonitorKind.EXTERNAL, external(Map.of("team", "erp")));
        monitors.add(monitor, "first-" + monitor.id());
        monitors.saveState(monitor.id(), new MonitorState(MonitorState.Status.DOWN, 2, 0, now), now);
        Monitor renamed = new Monitor(
                monitor.id(),
                client,
                new MonitorDefinition(
                        "Alerts (renamed)",
                        monitor.definition().probe(),
                        monitor.definition().schedule(),
                        monitor.definition().commitment(),
                        false),
                monitor.standing(),
                now,
                now.plusSeconds(5));

        monitors.replace(renamed, null);
        Monitor found = monitors.lockBySecret("first-" + monitor.id()).orElseThrow();
        assertThat(found.name()).isEqualTo("Alerts (renamed)");
        assertThat(found.definition().probe().settings().labels()).containsExactly(Map.entry("team", "erp"));
        assertThat(found.state()).isEqualTo(new MonitorState(MonitorState.Status.DOWN, 2, 0, now));
        assertThat(found.standing().statusSince()).isEqualTo(now);
        assertThat(found.updatedAt()).isEqualTo(now.plusSeconds(5));

        monitors.replace(renamed, "second-" + monitor.id());
        assertThat(monitors.lockBySecret("first-" + monitor.id())).isEmpty();
        monitors.restartStatus(monitor.id());
        assertThat(monitors.lock(monitor.id()).orElseThrow().standing()).isEqualTo(Monitor.Standing.pending(null));
    }

    @Test
    void checksBeatsAndCoverageAreKeptOnTheMonitor() {
        Monitor monitor = paused(client, "ERP", MonitorKind.TCP, tcp());
        monitors.add(monitor, null);
        assertThat(monitors.watchedSince(monitor.id())).isEmpty();

        Monitor.LastCheck check = new Monitor.LastCheck(now.plusSeconds(30), false, 120, "connection refused");
        monitors.saveCheck(monitor.id(), check);
        monitors.saveCheck(monitor.id(), new Monitor.LastCheck(now.plusSeconds(60), true, 80, null));
        Monitor found = monitors.find(monitor.id(), Scope.everything()).orElseThrow();
        assertThat(found.standing().lastCheck()).isEqualTo(new Monitor.LastCheck(now.plusSeconds(60), true, 80, null));
        // The first check started the coverage; a later one does not move it.
        assertThat(monitors.watchedSince(monitor.id())).contains(now.plusSeconds(30));
        monitors.watchedFrom(monitor.id(), now.plusSeconds(45));
        assertThat(monitors.watchedSince(monitor.id())).contains(now.plusSeconds(30));
        monitors.watchedFrom(monitor.id(), now.minusSeconds(45));
        assertThat(monitors.watchedSince(monitor.id())).contains(now.minusSeconds(45));

        monitors.saveBeat(monitor.id(), now.plusSeconds(90), now.plusSeconds(180));
        monitors.saveBurns(monitor.id(), true, false);
        Monitor beaten = monitors.find(monitor.id(), Scope.everything()).orElseThrow();
        assertThat(beaten.standing().lastBeatAt()).isEqualTo(now.plusSeconds(90));
        assertThat(beaten.standing().nextCheckAt()).isEqualTo(now.plusSeconds(180));
        assertThat(beaten.standing().fastBurn()).isTrue();
        assertThat(beaten.standing().slowBurn()).isFalse();

        assertThat(monitors.retire(monitor.id(), now)).isTrue();
        assertThat(monitors.retire(monitor.id(), now)).isFalse();
        assertThat(monitors.find(monitor.id(), Scope.everything())).isEmpty();
        assertThat(monitors.lock(monitor.id())).isEmpty();
    }

    @Test
    void downtimeOpensClosesAndStoresAnAlertOnce() {
        Monitor monitor = paused(client, "ERP", MonitorKind.EXTERNAL, external(Map.of()));
        monitors.add(monitor, null);
        UUID id = monitor.id();
        Instant down = now.minus(Duration.ofMinutes(10));

        downtimes.open(id, down, "CHECKS", "refused", now);
        assertThat(downtimes.addAlert(id, "JSON:a@" + down, down, null, "JSON", "disk full", now))
                .isTrue();
        assertThat(downtimes.addAlert(id, "JSON:a@" + down, down, null, "JSON", "disk full", now))
                .isFalse();
        assertThat(downtimes.openOf(id)).extracting(Downtime::source).containsExactlyInAnyOrder("CHECKS", "JSON");

        List<Downtime> closed = downtimes.closeOpen(id, List.of("CHECKS", "HEARTBEAT"), now.minusSeconds(60), now);
        assertThat(closed).singleElement().satisfies(d -> {
            assertThat(d.start()).isEqualTo(down);
            assertThat(d.end()).as("as it was before closing").isNull();
        });
        assertThat(downtimes.closeAlert(id, "JSON:a@" + down, now.minusSeconds(30), now))
                .map(Downtime::reason)
                .contains("disk full");
        assertThat(downtimes.closeAlert(id, "JSON:a@" + down, now, now)).isEmpty();
        assertThat(downtimes.openOf(id)).isEmpty();
        assertThat(downtimes.overlapping(id, down, now))
                .extracting(Downtime::end)
                .containsExactlyInAnyOrder(now.minusSeconds(60), now.minusSeconds(30));
        assertThat(downtimes.overlapping(id, now.minusSeconds(30), now)).isEmpty();

        downtimes.open(id, now.minusSeconds(20), "HEARTBEAT", "x".repeat(1500), now);
        assertThat(downtimes.openOf(id)).singleElement().satisfies(d -> {
            assertThat(d.reason()).hasSize(1000);
            assertThat(d.until(now.plusSeconds(5)))
                    .isEqualTo(io.pledge.monitoring.uptime.Span.of(now.minusSeconds(20), now.plusSeconds(5)));
        });
        downtimes.endOpen(id, now);
        assertThat(downtimes.openOf(id)).isEmpty();
        assertThat(downtimes.overlapping(id, now.minusSeconds(20), now.plusSeconds(60)))
                .extracting(Downtime::end)
                .containsExactly(now);
    }

    @Test
    void checksAreCountedIntoTheirHourAndDayAndPurged() {
        Monitor monitor = paused(client, "ERP", MonitorKind.TCP, tcp());
        monitors.add(monitor, null);
        // Long ago, so that purging around it touches no other test's statistics.
        Instant hour = now.minus(Duration.ofDays(3000)).truncatedTo(ChronoUnit.HOURS);
        statistics.record(monitor.id(), hour.plusSeconds(1), true, 40);
        statistics.record(monitor.id(), hour.plusSeconds(2), true, 300);
        statistics.record(monitor.id(), hour.plusSeconds(3), false, 20_000);

        CheckStat stat = statistics
                .of(monitor.id(), "HOUR", hour, hour.plusSeconds(3600))
                .get(0);
        assertThat(stat.start()).isEqualTo(hour);
        assertThat(stat.checks()).isEqualTo(3);
        assertThat(stat.failures()).isEqualTo(1);
        assertThat(stat.latencySumMs()).isEqualTo(20_340);
        assertThat(stat.latencyMinMs()).isEqualTo(40);
        assertThat(stat.latencyMaxMs()).isEqualTo(20_000);
        assertThat(stat.histogram()).containsExactly(1, 0, 1, 0, 0, 0, 0, 1);
        assertThat(stat.p95LatencyMs()).isEqualTo(20_000);
        assertThat(stat.labelled()).containsEntry("le500", 1).containsEntry("over10000", 1);
        Instant day = hour.truncatedTo(ChronoUnit.DAYS);
        assertThat(statistics.of(monitor.id(), "DAY", day, day.plus(Duration.ofDays(1))))
                .singleElement()
                .extracting(CheckStat::checks)
                .isEqualTo(3);

        statistics.purge("HOUR", hour);
        assertThat(statistics.of(monitor.id(), "HOUR", hour, hour.plusSeconds(3600)))
                .hasSize(1);
        statistics.purge("HOUR", hour.plusSeconds(1));
        assertThat(statistics.of(monitor.id(), "HOUR", hour, hour.plusSeconds(3600)))
                .isEmpty();
        assertThat(statistics.of(monitor.id(), "DAY", day, day.plus(Duration.ofDays(1))))
                .hasSize(1);
    }

    @Test
    void maintenanceWindowsAreReadWithinTheScopeAndForOneMonitor() {
        Monitor monitor = paused(client, "ERP", MonitorKind.TCP, tcp());
        monitors.add(monitor, null);
        StoredMaintenanceWindow everyMonitor = new StoredMaintenanceWindow(
                UUID.randomUUID(),
                client,
                null,
                "Patch night",
                "WEEKLY",
                now,
                null,
                "Europe/Paris",
                "SAT,SUN",
                "22:00",
                7200,
                now,
                false,
                null);
        StoredMaintenanceWindow ofTheMonitor = new StoredMaintenanceWindow(
                UUID.randomUUID(),
                client,
                monitor.id(),
                "Migration",
                "ONCE",
                now.minusSeconds(3600),
                now,
                null,
                null,
                null,
                null,
                now.plusSeconds(1),
                true,
                "recorded late");
        windows.add(everyMonitor);
        windows.add(ofTheMonitor);

        assertThat(windows.find(everyMonitor.id())).contains(everyMonitor);
        assertThat(windows.find(ofTheMonitor.id())).contains(ofTheMonitor);
        assertThat(windows.of(client, null, Scope.everything())).containsExactly(everyMonitor, ofTheMonitor);
        assertThat(windows.of(client, monitor.id(), Scope.client(client.value())))
                .containsExactly(everyMonitor, ofTheMonitor);
        assertThat(windows.of(client, UUID.randomUUID(), Scope.everything())).containsExactly(everyMonitor);
        assertThat(windows.of(client, null, Scope.client(other.value()))).isEmpty();
        assertThat(windows.of(null, null, Scope.client(other.value()))).isEmpty();

        assertThat(windows.remove(everyMonitor.id())).isTrue();
        assertThat(windows.remove(everyMonitor.id())).isFalse();
        assertThat(windows.of(client, null, Scope.everything())).containsExactly(ofTheMonitor);
    }

    @Test
    void aGapThatFollowsTheNodesLastOneStretchesIt() {
        String node = unique("node");
        Instant start = now.minus(Duration.ofDays(3000));
        MonitoringGap first = new MonitoringGap(UUID.randomUUID(), node, start, start.plusSeconds(30), "canary", 4, 4);
        gaps.record(first, Duration.ofSeconds(5));
        gaps.record(
                new MonitoringGap(
                        UUID.randomUUID(), node, start.plusSeconds(33), start.plusSeconds(60), "canary", 3, 2),
                Duration.ofSeconds(5));
        gaps.record(
                new MonitoringGap(
                        UUID.randomUUID(), node, start.plusSeconds(120), start.plusSeconds(150), "ratio", 5, 5),
                Duration.ofSeconds(5));

        List<MonitoringGap> found = gaps.between(start, start.plusSeconds(200)).stream()
                .filter(g -> g.node().equals(node))
                .toList();
        assertThat(found)
                .containsExactly(
                        new MonitoringGap(first.id(), node, start, start.plusSeconds(60), "canary", 7, 6),
                        found.get(1));
        assertThat(found.get(1).start()).isEqualTo(start.plusSeconds(120));
        assertThat(gaps.between(start.plusSeconds(60), start.plusSeconds(120)).stream()
                        .filter(g -> g.node().equals(node)))
                .isEmpty();
    }
}
