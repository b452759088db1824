package io.pledge.reporting.pack;

import io.pledge.reporting.pack.QbrPack.DailyUptime;
import io.pledge.reporting.pack.QbrPack.MonthlyMet;
import io.pledge.reporting.pack.QbrPack.PausedTime;
import io.pledge.reporting.pack.QbrPack.PriorityRow;
import io.pledge.reporting.pack.QbrPack.SystemUptime;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYBarDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The QBR pack's charts, drawn once on the server as SVG: the HTML view shows these SVG documents and
 * the PDF embeds the very same ones. Every label goes through {@link PackFormat}, so a French pack has
 * French months, decimal commas and units.
 */
public final class PackCharts {

    /** Full width of the page's text block, in CSS pixels. */
    static final int FULL_WIDTH = 660;

    static final int HALF_WIDTH = 325;

    private static final Color INK = new Color(0x22, 0x2b, 0x36);
    private static final Color GRID = new Color(0xd5, 0xda, 0xe1);
    private static final Color MET = new Color(0x2e, 0x7d, 0x5b);
    private static final Color MISSED = new Color(0xc0, 0x39, 0x2b);
    private static final Color TARGET = new Color(0x1f, 0x3a, 0x5f);
    private static final Color[] SERIES = {
        new Color(0x1f, 0x3a, 0x5f),
        new Color(0x3f, 0x88, 0xc5),
        new Color(0x8f, 0xb8, 0xde),
        new Color(0xe0, 0x9f, 0x3e),
        new Color(0x7a, 0x5c, 0x99),
        new Color(0x5d, 0x8a, 0x3a),
    };

    private final PackFormat format;
    private final StandardChartTheme theme;

    public PackCharts(PackFormat format) {
        this.format = format;
        this.theme = theme(PackFonts.get());
    }

    /** Met % per month, one bar per priority, for one metric. */
    public String metByMonth(String id, List<MonthlyMet> months, String metric) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        TreeSet<String> priorities = new TreeSet<>();
        months.stream().filter(m -> m.metric().equals(metric)).forEach(m -> priorities.add(m.priority()));
        months.stream()
                .filter(m -> m.metric().equals(metric))
                .sorted((a, b) -> a.month().compareTo(b.month()))
                .forEach(m -> dataset.addValue(
                        m.metPercent() == null ? null : m.metPercent().doubleValue(),
                        m.priority(),
                        format.month(m.month())));
        JFreeChart chart = ChartFactory.createBarChart(
                format.message("qbr.metric." + metric),
                null,
                format.message("chart.met-percent"),
                dataset,
                PlotOrientation.VERTICAL,
                !priorities.isEmpty(),
                false,
                false);
        theme.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setRange(0, 100);
        range.setTickUnit(new NumberTickUnit(25));
        range.setNumberFormatOverride(percentTicks());
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        for (int i = 0; i < SERIES.length; i++) {
            renderer.setSeriesPaint(i, SERIES[i]);
        }
        renderer.setItemMargin(0.05);
        return svg(id, chart, HALF_WIDTH, 230);
    }

    /**
     * Business time achieved against the target, for one metric: per priority the median and the 90th
     * percentile of the clocks that stopped, beside the target.
     */
    public String againstTarget(String id, List<PriorityRow> rows, String metric) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        String median = format.message("qbr.column.median");
        String p90 = format.message("qbr.column.p90");
        String target = format.message("qbr.column.target");
        for (PriorityRow row : rows) {
            if (!row.metric().equals(metric) || row.median() == null) {
                continue;
            }
            String category = row.priority();
            dataset.addValue(hours(row.median()), median, category);
            dataset.addValue(hours(row.p90()), p90, category);
            dataset.addValue(hours(row.target()), target, category);
        }
        JFreeChart chart = ChartFactory.createBarChart(
                format.message("qbr.metric." + metric),
                null,
                format.message("chart.hours"),
                dataset,
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        theme.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, MET);
        renderer.setSeriesPaint(1, SERIES[1]);
        renderer.setSeriesPaint(2, TARGET);
        renderer.setItemMargin(0.05);
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(grouped());
        return svg(id, chart, HALF_WIDTH, 230);
    }

    /** One bar per day of the period, below the target in red, with the target drawn across. */
    public String dailyUptime(String id, SystemUptime system) {
        XYSeries series = new XYSeries(system.name());
        double lowest = system.targetPercent().doubleValue();
        for (DailyUptime day : system.days()) {
            double percent = day.percent().doubleValue();
            series.add(day.day().toEpochDay(), percent);
            lowest = Math.min(lowest, percent);
        }
        XYBarDataset dataset = new XYBarDataset(new XYSeriesCollection(series), 0.8);
        JFreeChart chart = ChartFactory.createXYBarChart(
                format.message(
                        "chart.uptime.title",
                        system.name(),
                        format.percent(system.availabilityPercent()),
                        format.percent(system.targetPercent())),
                null,
                false,
                format.message("chart.availability"),
                dataset,
                PlotOrientation.VERTICAL,
                false,
                false,
                false);
        theme.apply(chart);
        XYPlot plot = chart.getXYPlot();
        double target = system.targetPercent().doubleValue();
        plot.setRenderer(new XYBarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return dataset.getYValue(row, column) < target ? MISSED : MET;
            }
        });
        ((XYBarRenderer) plot.getRenderer()).setBarPainter(new StandardXYBarPainter());
        ((XYBarRenderer) plot.getRenderer()).setShadowVisible(false);
        NumberAxis days = (NumberAxis) plot.getDomainAxis();
        days.setNumberFormatOverride(new EpochDays());
        days.setTickUnit(new NumberTickUnit(system.days().size() > 40 ? 14 : 7));
        if (!system.days().isEmpty()) {
            days.setRange(
                    system.days().get(0).day().toEpochDay() - 0.5,
                    system.days().get(system.days().size() - 1).day().toEpochDay() + 0.5);
        }
        NumberAxis percent = (NumberAxis) plot.getRangeAxis();
        // Uptime lives in the last percent: start the axis just under the worst day or the target.
        double floor = Math.floor(Math.min(lowest, target) - 0.5);
        percent.setRange(Math.max(0, floor), 100);
        percent.setNumberFormatOverride(percentTicks());
        ValueMarker marker = new ValueMarker(target, TARGET, new BasicStroke(1.2f));
        marker.setLabel(format.message("chart.target", format.percent(system.targetPercent())));
        marker.setLabelFont(PackFonts.get().regular(8f));
        marker.setLabelPaint(TARGET);
        marker.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        plot.addRangeMarker(marker);
        return svg(id, chart, FULL_WIDTH, 190);
    }

    /** Paused resolution time by reason, in hours. */
    public String paused(String id, List<PausedTime> paused) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (PausedTime time : paused) {
            dataset.addValue(hours(time.time()), "paused", format.message(time.key()));
        }
        JFreeChart chart = ChartFactory.createBarChart(
                format.message("chart.paused.title"),
                null,
                format.message("chart.hours"),
                dataset,
                PlotOrientation.HORIZONTAL,
                false,
                false,
                false);
        theme.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        ((BarRenderer) plot.getRenderer()).setSeriesPaint(0, SERIES[1]);
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(grouped());
        return svg(id, chart, FULL_WIDTH, 60 + 36 * Math.max(paused.size(), 1));
    }

    private static double hours(Duration duration) {
        return duration.toSeconds() / 3600.0;
    }

    private NumberFormat grouped() {
        return new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(format.locale()));
    }

    private NumberFormat percentTicks() {
        DecimalFormat percent = new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(format.locale()));
        // Set as a suffix, not in the pattern: a '%' in a pattern would multiply by 100.
        percent.setPositiveSuffix(format.message("format.percent", ""));
        return percent;
    }

    private static String svg(String id, JFreeChart chart, int width, int height) {
        SVGGraphics2D graphics = new SVGGraphics2D(width, height);
        // Several charts share one page: their clip paths and gradients need ids of their own.
        graphics.setDefsKeyPrefix(id + "-");
        chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
        // Whole-pixel width and height (the PDF's SVG drawer refuses "660.0"), and a view box so that
        // a narrow browser window can scale the chart down.
        String svg = graphics.getSVGElement(id, false, new ViewBox(0, 0, width, height), null, null);
        return svg.replaceFirst("<svg ", "<svg width=\"" + width + "\" height=\"" + height + "\" ");
    }

    private static StandardChartTheme theme(PackFonts fonts) {
        StandardChartTheme theme = new StandardChartTheme("pledge", false);
        theme.setExtraLargeFont(fonts.bold(11f));
        theme.setLargeFont(fonts.bold(10f));
        theme.setRegularFont(fonts.regular(9f));
        theme.setSmallFont(fonts.regular(8f));
        theme.setTitlePaint(INK);
        theme.setSubtitlePaint(INK);
        theme.setLegendItemPaint(INK);
        theme.setAxisLabelPaint(INK);
        theme.setTickLabelPaint(INK);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setPlotOutlinePaint(GRID);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setBarPainter(new StandardBarPainter());
        theme.setXYBarPainter(new StandardXYBarPainter());
        theme.setShadowVisible(false);
        return theme;
    }

    /** Axis labels for day numbers (days since 1970-01-01), as short dates in the reader's language. */
    private final class EpochDays extends NumberFormat {

        @Override
        public StringBuffer format(double number, StringBuffer target, FieldPosition position) {
            return format((long) Math.rint(number), target, position);
        }

        @Override
        public StringBuffer format(long number, StringBuffer target, FieldPosition position) {
            return target.append(java.time.format.DateTimeFormatter.ofPattern("d MMM", format.locale())
                    .format(LocalDate.ofEpochDay(number)));
        }

        @Override
        public Number parse(String source, ParsePosition position) {
            throw new UnsupportedOperationException("axis labels are only written");
        }
    }
}
