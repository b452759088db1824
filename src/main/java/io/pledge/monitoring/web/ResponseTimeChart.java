package io.pledge.monitoring.web;

import io.pledge.monitoring.CheckStat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A monitor's response time drawn from its hourly check statistics: the mean and the p95 per hour as two
 * lines, in SVG user units, with the vertical scale rounded up to a readable figure.
 */
record ResponseTimeChart(
        int width,
        int height,
        int left,
        int top,
        int plotWidth,
        int plotHeight,
        String meanPoints,
        String p95Points,
        List<Tick> ticks,
        List<Label> labels,
        boolean empty) {

    record Tick(long ms, int y) {}

    record Label(Instant at, int x) {}

    static final int WIDTH = 720;
    static final int HEIGHT = 220;
    private static final int LEFT = 56;
    private static final int TOP = 10;
    private static final int RIGHT = 16;
    private static final int BOTTOM = 30;

    static ResponseTimeChart of(List<CheckStat> stats) {
        List<CheckStat> hours = stats.stream().filter(s -> s.checks() > 0).toList();
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        if (hours.isEmpty()) {
            return new ResponseTimeChart(
                    WIDTH, HEIGHT, LEFT, TOP, plotWidth, plotHeight, "", "", List.of(), List.of(), true);
        }
        long highest = 1;
        for (CheckStat s : hours) {
            highest = Math.max(highest, Math.max(s.latencyAvgMs(), p95(s)));
        }
        long scale = ceiling(highest);
        StringBuilder mean = new StringBuilder();
        StringBuilder p95 = new StringBuilder();
        List<Label> labels = new ArrayList<>();
        int n = hours.size();
        for (int i = 0; i < n; i++) {
            CheckStat s = hours.get(i);
            int x = LEFT + (n == 1 ? plotWidth / 2 : (int) Math.round((double) i * plotWidth / (n - 1)));
            mean.append(point(x, y(s.latencyAvgMs(), scale, plotHeight)));
            p95.append(point(x, y(p95(s), scale, plotHeight)));
            if (i == 0 || i == n - 1 || (n > 4 && i == n / 2)) {
                labels.add(new Label(s.start(), x));
            }
        }
        List<Tick> ticks = List.of(
                new Tick(0, TOP + plotHeight),
                new Tick(scale / 2, y(scale / 2, scale, plotHeight)),
                new Tick(scale, TOP));
        return new ResponseTimeChart(
                WIDTH,
                HEIGHT,
                LEFT,
                TOP,
                plotWidth,
                plotHeight,
                mean.toString().trim(),
                p95.toString().trim(),
                ticks,
                labels,
                false);
    }

    private static long p95(CheckStat s) {
        return s.p95LatencyMs() == null ? s.latencyMaxMs() : s.p95LatencyMs();
    }

    private static int y(long ms, long scale, int plotHeight) {
        return TOP + plotHeight - (int) Math.round((double) Math.min(ms, scale) * plotHeight / scale);
    }

    private static String point(int x, int y) {
        return String.format(Locale.ROOT, "%d,%d ", x, y);
    }

    /** The next of 1, 2, 5 times a power of ten at or above the value. */
    static long ceiling(long value) {
        long power = 1;
        while (true) {
            for (long step : new long[] {1, 2, 5}) {
                if (step * power >= value) {
                    return step * power;
                }
            }
            power *= 10;
        }
    }
}
