package io.pledge.advisor.web;

import io.pledge.advisor.AdvisorReport;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The advisor page's charts, drawn on the server as SVG documents (no script, so the page's strict
 * Content-Security-Policy holds): the distribution of business time against the promised target and the goal,
 * and met % against the target month by month. Every label is given already formatted in the reader's
 * language.
 */
final class AdvisorCharts {

    static final int WIDTH = 520;
    private static final String INK = "#222b36";
    private static final String GRID = "#d5dae1";
    private static final String MET = "#2e7d5b";
    private static final String MISSED = "#c0392b";
    private static final String TARGET = "#1f3a5f";
    private static final String GOAL = "#8e44ad";

    /** The texts a chart shows, in the reader's language. */
    record Labels(
            String target,
            String goal,
            String noClock,
            String title,
            Function<Duration, String> duration,
            Function<BigDecimal, String> percent) {}

    private AdvisorCharts() {}

    /**
     * Horizontal bars for p50, p80, p90, p95 and the longest time, green within the promised target and red
     * beyond, with the target as a solid line and the goal as a dashed one.
     */
    static String distribution(AdvisorReport.Line line, Labels labels) {
        Duration[] values = {line.p50(), line.p80(), line.p90(), line.p95(), line.max()};
        String[] names = {"p50", "p80", "p90", "p95", "max"};
        int rowHeight = 22;
        int left = 50;
        int right = 150;
        int top = 8;
        int height = top + rowHeight * values.length + 24;
        StringBuilder svg = open(height, labels.title());
        if (line.clocks() == 0) {
            text(svg, left, top + 16, labels.noClock(), "start", INK);
            return svg.append("</svg>").toString();
        }
        long scale = 1;
        for (Duration value : values) {
            scale = Math.max(scale, value.toSeconds());
        }
        if (line.target() != null) {
            scale = Math.max(scale, line.target().toSeconds());
        }
        if (line.goal() != null) {
            scale = Math.max(scale, line.goal().toSeconds());
        }
        double span = WIDTH - left - right;
        for (int i = 0; i < values.length; i++) {
            int y = top + i * rowHeight;
            double width = Math.max(1, span * values[i].toSeconds() / scale);
            boolean within = line.target() == null || values[i].compareTo(line.target()) <= 0;
            text(svg, left - 6, y + 15, names[i], "end", INK);
            svg.append("<rect x=\"")
                    .append(left)
                    .append("\" y=\"")
                    .append(y + 3)
                    .append("\" width=\"")
                    .append(format(width))
                    .append("\" height=\"")
                    .append(rowHeight - 6)
                    .append("\" fill=\"")
                    .append(within ? MET : MISSED)
                    .append("\"/>");
            text(svg, left + width + 6, y + 15, labels.duration().apply(values[i]), "start", INK);
        }
        int bottom = top + rowHeight * values.length;
        if (line.target() != null) {
            double x = left + span * line.target().toSeconds() / scale;
            marker(svg, x, top, bottom, TARGET, null);
            text(svg, x, bottom + 16, labels.target() + " " + labels.duration().apply(line.target()), "middle", TARGET);
        }
        if (line.goal() != null) {
            double x = left + span * line.goal().toSeconds() / scale;
            marker(svg, x, top, bottom, GOAL, "4 3");
            text(svg, x, top + 2, labels.goal() + " " + labels.duration().apply(line.goal()), "middle", GOAL);
        }
        return svg.append("</svg>").toString();
    }

    /** Met % against the promised target, one bar per month, on a 0–100 % scale. */
    static String months(List<AdvisorReport.Month> months, String title, Function<BigDecimal, String> percent) {
        int height = 150;
        int left = 36;
        int top = 10;
        int plot = 100;
        StringBuilder svg = open(height, title);
        for (int tick = 0; tick <= 100; tick += 50) {
            double y = top + plot - tick;
            svg.append("<line x1=\"")
                    .append(left)
                    .append("\" x2=\"")
                    .append(WIDTH - 10)
                    .append("\" y1=\"")
                    .append(format(y))
                    .append("\" y2=\"")
                    .append(format(y))
                    .append("\" stroke=\"")
                    .append(GRID)
                    .append("\"/>");
            text(svg, left - 4, y + 4, tick + " %", "end", INK);
        }
        double slot = (double) (WIDTH - left - 10) / Math.max(1, months.size());
        for (int i = 0; i < months.size(); i++) {
            AdvisorReport.Month month = months.get(i);
            double x = left + i * slot + slot * 0.2;
            if (month.metPercent() != null) {
                double h = month.metPercent().doubleValue();
                svg.append("<rect x=\"")
                        .append(format(x))
                        .append("\" y=\"")
                        .append(format(top + plot - h))
                        .append("\" width=\"")
                        .append(format(slot * 0.6))
                        .append("\" height=\"")
                        .append(format(h))
                        .append("\" fill=\"")
                        .append(month.warning() == null ? MET : GRID)
                        .append("\"/>");
                text(svg, x + slot * 0.3, top + plot - h - 3, percent.apply(month.metPercent()), "middle", INK);
            }
            text(svg, x + slot * 0.3, top + plot + 16, month.month(), "middle", INK);
        }
        return svg.append("</svg>").toString();
    }

    static StringBuilder open(int height, String title) {
        return new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"11\"><title>")
                .append(escape(title))
                .append("</title>");
    }

    private static void marker(StringBuilder svg, double x, int top, int bottom, String colour, String dashes) {
        svg.append("<line x1=\"")
                .append(format(x))
                .append("\" x2=\"")
                .append(format(x))
                .append("\" y1=\"")
                .append(top)
                .append("\" y2=\"")
                .append(bottom)
                .append("\" stroke=\"")
                .append(colour)
                .append("\" stroke-width=\"2\"");
        if (dashes != null) {
            svg.append(" stroke-dasharray=\"").append(dashes).append('"');
        }
        svg.append("/>");
    }

    static void text(StringBuilder svg, double x, double y, String text, String anchor, String colour) {
        svg.append("<text x=\"")
                .append(format(x))
                .append("\" y=\"")
                .append(format(y))
                .append("\" text-anchor=\"")
                .append(anchor)
                .append("\" fill=\"")
                .append(colour)
                .append("\">")
                .append(escape(text))
                .append("</text>");
    }

    static String format(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
