package io.pledge.bench;

import io.pledge.reporting.pack.QbrPack;
import io.pledge.reporting.pack.QbrRenderer;
import io.pledge.reporting.pack.SamplePacks;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One QBR pack of a quarter (six pages: eight charts, two systems' 92 daily bars, the breach and credit
 * tables, the rules and notes), warm: the HTML alone, and the PDF from the pack (template, charts as SVG,
 * layout, fonts embedded). The target: one PDF in under 1 s warm.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Djava.awt.headless=true", "-Dpdfbox.fontcache=target"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 4)
public class QbrPdfBenchmark {

    @Param({"en", "fr"})
    String language;

    QbrRenderer renderer;
    QbrPack pack;

    @Setup
    public void setUp() {
        renderer = new QbrRenderer();
        pack = SamplePacks.quarter(Locale.forLanguageTag(language));
    }

    @Benchmark
    public String html() {
        return renderer.html(pack);
    }

    @Benchmark
    public byte[] pdf() {
        return renderer.pdf(pack);
    }
}
