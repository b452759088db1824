package io.pledge.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pledge.core.jdbc.Timestamps;
import io.pledge.monitoring.Monitors.Claim;
import io.pledge.monitoring.probe.ProbeResult;
import io.pledge.monitoring.probe.Probes;
import io.pledge.monitoring.uptime.GapWindow;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the checks. Each call of {@link #checkDue} claims the monitors due within the look-ahead (one
 * poll interval) with {@code for update skip locked}, moving their next check on by an interval in the
 * same transaction, so that on several nodes sharing one database each check is run by one node. Each
 * check then starts at its due instant on a bounded pool of workers, so a slow target holds one worker
 * and delays no other check; due instants are spread over the interval by a per-monitor offset.
 *
 * <p>The claimed checks form a round. When the round shows that this node's own network failed (the
 * configured canary fails while a check of the round failed, or, among this node's checks of the last
 * {@code gap.window}, a trailing stretch of at least {@code gap.min-checks} checks has at least {@code
 * gap.failure-ratio} of them failed: see {@link GapWindow}), the round is recorded as a monitoring gap and
 * its failures are not held against the monitors; its successes still count.
 */
@Service
public class CheckScheduler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CheckScheduler.class);

    private final Monitors monitors;
    private final MonitoringGaps gaps;
    private final CheckStatistics statistics;
    private final CheckRecorder recorder;
    private final Probes probes;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Duration lookahead;
    private final int batch;
    private final Canary canary;
    private final GapWindow recent;
    private final Duration hourlyRetention;
    private final Duration dailyRetention;
    private final String node;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final Timer lag;
    private volatile Instant lastPurge = Instant.EPOCH;

    CheckScheduler(
            Monitors monitors,
            MonitoringGaps gaps,
            CheckStatistics statistics,
            CheckRecorder recorder,
            Clock clock,
            TransactionTemplate transactions,
            MeterRegistry meters,
            @Value("${pledge.monitoring.interval:PT1S}") Duration lookahead,
            @Value("${pledge.monitoring.batch:500}") int batch,
            @Value("${pledge.monitoring.threads:32}") int threads,
            @Value("${pledge.monitoring.canary:}") String canary,
            @Value("${pledge.monitoring.gap.min-checks:5}") int gapMinChecks,
            @Value("${pledge.monitoring.gap.failure-ratio:0.8}") double gapFailureRatio,
            @Value("${pledge.monitoring.gap.window:PT30S}") Duration gapWindow,
            @Value("${pledge.monitoring.retention.hourly:P30D}") Duration hourlyRetention,
            @Value("${pledge.monitoring.retention.daily:P400D}") Duration dailyRetention,
            @Value("${pledge.monitoring.node:}") String node) {
        this.monitors = monitors;
        this.gaps = gaps;
        this.statistics = statistics;
        this.recorder = recorder;
        this.probes = new Probes(clock);
        this.clock = clock;
        this.transactions = transactions;
        this.lookahead = lookahead;
        this.batch = batch;
        this.canary = canary.isBlank() ? null : Canary.parse(canary.strip());
        this.recent = new GapWindow(gapWindow, gapMinChecks, gapFailureRatio);
        this.hourlyRetention = hourlyRetention;
        this.dailyRetention = dailyRetention;
        this.node = node.isBlank() ? defaultNode() : node;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "pledge-check-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pledge-check-timer");
            thread.setDaemon(true);
            return thread;
        });
        this.lag = Timer.builder("pledge.monitoring.check.lag")
                .description("From a check's due instant to its start")
                .serviceLevelObjectives(
                        Duration.ofMillis(5),
                        Duration.ofMillis(10),
                        Duration.ofMillis(25),
                        Duration.ofMillis(50),
                        Duration.ofMillis(100),
                        Duration.ofMillis(250),
                        Duration.ofMillis(500),
                        Duration.ofMillis(750),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(5))
                .register(meters);
    }

    /** What one call claimed, and when everything it claimed has been checked and recorded. */
    public record Round(int claimed, CompletableFuture<Outcome> done) {}

    /** The round's probe checks, their failures, and whether they were recorded as a monitoring gap. */
    public record Outcome(int checks, int failures, boolean gap) {}

    private record Checked(Claim claim, Instant startedAt, ProbeResult result) {}

    /** Claims what is due and starts its checks; does not wait for them. */
    public Round checkDue() {
        Instant now = Timestamps.now(clock);
        purgeIfDue(now);
        List<Claim> claims = transactions.execute(status -> monitors.claimDue(now, now.plus(lookahead), batch));
        List<CompletableFuture<Checked>> checks = new ArrayList<>();
        List<CompletableFuture<Void>> others = new ArrayList<>();
        for (Claim claim : claims) {
            Monitor monitor = claim.monitor();
            if (monitor.kind().probed()) {
                CompletableFuture<Checked> checked = new CompletableFuture<>();
                at(claim.dueAt(), () -> {
                    try {
                        Instant started = clock.instant();
                        Duration late = Duration.between(claim.dueAt(), started);
                        lag.record(late.isNegative() ? Duration.ZERO : late);
                        ProbeResult result = probes.check(
                                monitor.kind(),
                                monitor.definition().probe().settings(),
                                monitor.definition().probe().timeout());
                        checked.complete(new Checked(claim, started.truncatedTo(ChronoUnit.MICROS), result));
                    } catch (RuntimeException e) {
                        checked.completeExceptionally(e);
                    }
                });
                checks.add(checked);
            } else {
                CompletableFuture<Void> done = new CompletableFuture<>();
                at(claim.dueAt(), () -> {
                    try {
                        if (monitor.kind() == MonitorKind.HEARTBEAT) {
                            recorder.deadline(monitor.id());
                        } else {
                            recorder.review(monitor.id());
                        }
                        done.complete(null);
                    } catch (RuntimeException e) {
                        log.warn("Review of monitor {} failed", monitor.id(), e);
                        done.complete(null);
                    }
                });
                others.add(done);
            }
        }
        CompletableFuture<Outcome> recorded = CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new))
                .handleAsync((ignored, failure) -> finish(checks), workers);
        CompletableFuture<Void> reviewed = CompletableFuture.allOf(others.toArray(CompletableFuture[]::new));
        return new Round(claims.size(), recorded.thenCombine(reviewed, (outcome, ignored) -> outcome));
    }

    /** Runs the task on a worker at {@code due} (at once when it has come). */
    private void at(Instant due, Runnable task) {
        long delay = Duration.between(clock.instant(), due).toMillis();
        if (delay <= 0) {
            workers.execute(task);
        } else {
            timer.schedule(() -> workers.execute(task), delay, TimeUnit.MILLISECONDS);
        }
    }

    private Outcome finish(List<CompletableFuture<Checked>> checks) {
        List<Checked> results = new ArrayList<>();
        for (CompletableFuture<Checked> check : checks) {
            if (!check.isCompletedExceptionally()) {
                results.add(check.join());
            }
        }
        if (results.isEmpty()) {
            return new Outcome(0, 0, false);
        }
        int failures = (int) results.stream().filter(r -> !r.result().ok()).count();
        GapWindow.Verdict verdict = recent.add(results.stream()
                .map(r -> new GapWindow.Check(r.startedAt(), r.result().ok()))
                .toList());
        String gap = null;
        Instant start =
                results.stream().map(Checked::startedAt).min(Instant::compareTo).orElseThrow();
        if (failures > 0 && canary != null) {
            ProbeResult reached = probes.check(canary.kind(), canary.settings(), Duration.ofSeconds(5));
            if (!reached.ok()) {
                gap = "canary " + canary.text() + " failed: " + reached.error();
            }
        }
        if (gap == null && verdict.blind()) {
            gap = verdict.failures() + " of the last " + verdict.checks() + " checks on this node failed";
            // Blind since the failing stretch began: failures of earlier rounds in it were recorded, but
            // the gap keeps them out of availability.
            start = verdict.since().isBefore(start) ? verdict.since() : start;
        }
        if (gap != null) {
            // The failed checks stood for their monitors until the next ones: that long, the node was blind.
            Instant end = results.stream()
                    .map(r -> r.startedAt().plus(r.claim().monitor().interval()))
                    .max(Instant::compareTo)
                    .orElseThrow();
            MonitoringGap recorded =
                    new MonitoringGap(UUID.randomUUID(), node, start, end, gap, results.size(), failures);
            log.warn("Monitoring gap on {}: {}; failures of this round are not held against the monitors", node, gap);
            transactions.executeWithoutResult(status -> gaps.record(recorded, Duration.ofSeconds(5)));
        }
        for (Checked checked : results) {
            if (gap != null && !checked.result().ok()) {
                continue;
            }
            try {
                recorder.record(checked.claim().monitor().id(), checked.startedAt(), checked.result());
            } catch (RuntimeException e) {
                log.warn(
                        "Recording a check of monitor {} failed",
                        checked.claim().monitor().id(),
                        e);
            }
        }
        return new Outcome(results.size(), failures, gap != null);
    }

    /** Deletes check statistics past their retention, at most once an hour. */
    void purgeIfDue(Instant now) {
        if (!now.isBefore(lastPurge) && Duration.between(lastPurge, now).compareTo(Duration.ofHours(1)) < 0) {
            return;
        }
        lastPurge = now;
        purge(now);
    }

    /**
     * Deletes hourly statistics older than {@code pledge.monitoring.retention.hourly} and daily ones older
     * than {@code pledge.monitoring.retention.daily}. Downtime records are kept: they are the SLA's evidence.
     */
    public void purge(Instant now) {
        transactions.executeWithoutResult(status -> {
            statistics.purge("HOUR", now.minus(hourlyRetention));
            statistics.purge("DAY", now.minus(dailyRetention));
        });
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        workers.shutdownNow();
    }

    private static String defaultNode() {
        try {
            return InetAddress.getLocalHost().getHostName() + ":"
                    + ProcessHandle.current().pid();
        } catch (Exception e) {
            return "node:" + ProcessHandle.current().pid();
        }
    }

    /** Pledge's own reachability check: {@code https://...} (an HTTP request) or {@code host:port} (TCP). */
    record Canary(String text, MonitorKind kind, MonitorSettings settings) {

        static Canary parse(String text) {
            if (text.startsWith("http://") || text.startsWith("https://")) {
                return new Canary(
                        text,
                        MonitorKind.HTTP,
                        MonitorSettings.http(text, "GET", 200, 399, null, null, null, true, true));
            }
            int colon = text.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(
                        "pledge.monitoring.canary must be an http(s) URL or host:port, got " + text);
            }
            return new Canary(
                    text,
                    MonitorKind.TCP,
                    MonitorSettings.tcp(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1))));
        }
    }
}
