package io.pledge.monitoring.uptime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The checks one node ran lately, across all its monitors, to tell its own network failing from its
 * clients' systems failing. A small fleet rarely runs many checks in one round; judged over a sliding
 * window of time instead, the node is blind when, among its latest checks (those that started within
 * {@code window} of the newest), some trailing stretch of at least {@code minChecks} checks has at least
 * {@code failureRatio} of them failed. Thread-safe: rounds may finish on several threads.
 */
public final class GapWindow {

    /** At most this many distinct check instants are kept, whatever the window and the fleet. */
    static final int CAPACITY = 100_000;

    /** One check: when it started, and whether it passed. */
    public record Check(Instant at, boolean ok) {}

    /**
     * The judgement after a round.
     *
     * @param blind whether the round's failures are the node's own
     * @param since when blind, the first failed check of the failing stretch: the node was blind from then
     * @param checks when blind, the checks of that stretch
     * @param failures when blind, its failed checks
     */
    public record Verdict(boolean blind, Instant since, int checks, int failures) {

        static final Verdict SEEING = new Verdict(false, null, 0, 0);
    }

    private final Duration window;
    private final int minChecks;
    private final double failureRatio;
    // checks and failures per start instant, in time order
    private final TreeMap<Instant, int[]> recent = new TreeMap<>();

    /**
     * @param window how far back from the newest check to look; zero judges each round alone
     * @param minChecks the fewest checks a failing stretch needs (at least 1)
     * @param failureRatio the share of failed checks that makes a stretch failing (above 0, at most 1)
     */
    public GapWindow(Duration window, int minChecks, double failureRatio) {
        this.window = Objects.requireNonNull(window, "window");
        if (window.isNegative()) {
            throw new IllegalArgumentException("the gap window is zero or more, got " + window);
        }
        if (minChecks < 1) {
            throw new IllegalArgumentException("a gap needs at least one check, got " + minChecks);
        }
        if (!(failureRatio > 0 && failureRatio <= 1)) {
            throw new IllegalArgumentException("the gap failure ratio is above 0 and at most 1, got " + failureRatio);
        }
        this.minChecks = minChecks;
        this.failureRatio = failureRatio;
    }

    /**
     * Adds a round's checks and judges it. Only a round with a failed check can be blind: a round that
     * passed has nothing to hold against anyone.
     */
    public synchronized Verdict add(List<Check> round) {
        if (window.isZero()) {
            recent.clear();
        }
        boolean failed = false;
        for (Check check : round) {
            int[] counts = recent.computeIfAbsent(check.at(), at -> new int[2]);
            counts[0]++;
            if (!check.ok()) {
                counts[1]++;
                failed = true;
            }
        }
        if (recent.isEmpty()) {
            return Verdict.SEEING;
        }
        if (!window.isZero()) {
            recent.headMap(recent.lastKey().minus(window), true).clear();
        }
        while (recent.size() > CAPACITY) {
            recent.pollFirstEntry();
        }
        return failed ? judge() : Verdict.SEEING;
    }

    /** The longest trailing stretch that is failing, if any. */
    private Verdict judge() {
        int checks = 0;
        int failures = 0;
        Instant earliestFailed = null;
        Verdict verdict = Verdict.SEEING;
        NavigableMap<Instant, int[]> newestFirst = recent.descendingMap();
        for (Map.Entry<Instant, int[]> entry : newestFirst.entrySet()) {
            checks += entry.getValue()[0];
            failures += entry.getValue()[1];
            if (entry.getValue()[1] > 0) {
                earliestFailed = entry.getKey();
            }
            if (checks >= minChecks && failures >= failureRatio * checks) {
                verdict = new Verdict(true, earliestFailed, checks, failures);
            }
        }
        return verdict;
    }
}
