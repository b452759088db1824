package io.pledge.advisor.web;

import io.pledge.advisor.Replay;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * The what-if page's chart, drawn on the server as an SVG document like the advisor's ({@link AdvisorCharts}: no
 * script, no inline style): met % per priority and metric, the policies in force against the proposal, two
 * horizontal bars a line on a 0–100 % scale. Every label is given already formatted in the reader's language.
 */
final class WhatIfCharts {

    private static final String INK = "#222b36";
    private static final String GRID = "#d5dae1";
    private static final String ACTUAL = "#5b6b7f";
    private static final String PROPOSED = "#2e7d5b";

    /**
     * The texts of the chart.
     *
     * @param line a line's name (its priority and metric)
     */
    record Labels(
            String title,
            String actual,
            String proposed,
            String none,
            Function<Replay.Line, String> line,
            Function<BigDecimal, String> percent) {}

    private WhatIfCharts() {}

    /** Met % in force and proposed, per line; a side where no clock stopped has no bar and says so. */
    static String metPercent(List<Replay.Line> lines, Labels labels) {
        int left = 130;
        int right = 60;
        int top = 28;
        int bar = 12;
        int row = 2 * bar + 12;
        int height = top + row * Math.max(1, lines.size()) + 24;
        StringBuilder svg = AdvisorCharts.open(height, labels.title());
        legend(svg, left, labels);
        double span = AdvisorCharts.WIDTH - left - right;
        int bottom = top + row * Math.max(1, lines.size());
        for (int tick = 0; tick <= 100; tick += 25) {
            double x = left + span * tick / 100;
            svg.append("<line x1=\"")
                    .append(AdvisorCharts.format(x))
                    .append("\" x2=\"")
                    .append(AdvisorCharts.format(x))
                    .append("\" y1=\"")
                    .append(top - 4)
                    .append("\" y2=\"")
                    .append(bottom)
                    .append("\" stroke=\"")
                    .append(GRID)
                    .append("\"/>");
            AdvisorCharts.text(svg, x, bottom + 14, tick + " %", "middle", INK);
        }
        if (lines.isEmpty()) {
            AdvisorCharts.text(svg, left + 6, top + 16, labels.none(), "start", INK);
        }
        for (int i = 0; i < lines.size(); i++) {
            Replay.Line line = lines.get(i);
            int y = top + i * row;
            AdvisorCharts.text(svg, left - 6, y + bar + 4, labels.line().apply(line), "end", INK);
            bar(svg, left, y, span, bar, line.current().metPercent(), ACTUAL, labels);
            bar(svg, left, y + bar + 2, span, bar, line.proposed().metPercent(), PROPOSED, labels);
        }
        return svg.append("</svg>").toString();
    }

    private static void legend(StringBuilder svg, int left, Labels labels) {
        swatch(svg, left, 6, ACTUAL);
        AdvisorCharts.text(svg, left + 16, 15, labels.actual(), "start", INK);
        swatch(svg, left + 180, 6, PROPOSED);
        AdvisorCharts.text(svg, left + 196, 15, labels.proposed(), "start", INK);
    }

    private static void swatch(StringBuilder svg, int x, int y, String colour) {
        svg.append("<rect x=\"")
                .append(x)
                .append("\" y=\"")
                .append(y)
                .append("\" width=\"11\" height=\"11\" fill=\"")
                .append(colour)
                .append("\"/>");
    }

    private static void bar(
            StringBuilder svg, int left, int y, double span, int height, BigDecimal percent, String colour, Labels l) {
        if (percent == null) {
            AdvisorCharts.text(svg, left + 4, y + height - 2, l.none(), "start", INK);
            return;
        }
        double width = Math.max(1, span * percent.doubleValue() / 100);
        svg.append("<rect x=\"")
                .append(left)
                .append("\" y=\"")
                .append(y)
                .append("\" width=\"")
                .append(AdvisorCharts.format(width))
                .append("\" height=\"")
                .append(height)
                .append("\" fill=\"")
                .append(colour)
                .append("\"/>");
        AdvisorCharts.text(svg, left + width + 4, y + height - 2, l.percent().apply(percent), "start", INK);
    }
}
