package io.pledge.reporting.pack;

import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import io.pledge.reporting.pack.QbrPack.SystemUptime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a {@link QbrPack} from one Thymeleaf template ({@code templates/reporting/qbr.html}): as HTML
 * for the browser, and as PDF by laying out the same XHTML with openhtmltopdf, the charts' SVG drawn by
 * Batik and DejaVu Sans embedded. No browser is involved. Thread-safe; build one and reuse it.
 */
public final class QbrRenderer {

    static final String TEMPLATE = "reporting/qbr";
    static final String STYLE = "/templates/reporting/qbr.css";

    /** The message bundle every text of the pack comes from (English, and French beside it). */
    public static final String MESSAGES = "messages_reporting";

    private final SpringTemplateEngine engine;
    private final MessageSource messages;
    private final String style;
    private final String styleHash;
    private final FSDefaultCacheStore fontMetrics = new FSDefaultCacheStore();
    private final Queue<ParsedFonts> parsedFonts = new ConcurrentLinkedQueue<>();

    public QbrRenderer() {
        this.messages = messages();
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver(QbrRenderer.class.getClassLoader());
        templates.setPrefix("templates/");
        templates.setSuffix(".html");
        templates.setTemplateMode(TemplateMode.HTML);
        templates.setCharacterEncoding(StandardCharsets.UTF_8.name());
        templates.setCacheable(true);
        this.engine = new SpringTemplateEngine();
        engine.setTemplateResolver(templates);
        engine.setTemplateEngineMessageSource(messages);
        this.style = read(STYLE);
        this.styleHash = "sha256-" + Base64.getEncoder().encodeToString(sha256(style));
    }

    /** The reporting bundle, English by default, never the machine's own language. */
    public static MessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename(MESSAGES);
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    /**
     * The Content-Security-Policy source of the page's one style element: the HTML view allows exactly
     * that style and nothing else (no script, no remote resource).
     */
    public String styleSource() {
        return "'" + styleHash + "'";
    }

    /** The pack as a complete XHTML document, charts inline as SVG. */
    public String html(QbrPack pack) {
        PackFormat format = new PackFormat(pack.locale(), pack.zone(), messages);
        Context context = new Context(pack.locale());
        context.setVariables(Map.of(
                "pack", pack,
                "fmt", format,
                "charts", Charts.draw(pack, new PackCharts(format)),
                "style", style));
        return engine.process(TEMPLATE, context);
    }

    /** The pack as a PDF: A4 pages, fonts embedded, charts as vector graphics. */
    public byte[] pdf(QbrPack pack) {
        return pdf(html(pack));
    }

    /** Lays out an XHTML document rendered by {@link #html}. */
    public byte[] pdf(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        ParsedFonts fonts = borrowFonts();
        try (PDDocument document = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.usePDDocument(document);
            builder.useFont(
                    new PDFontSupplier(PDType0Font.load(document, fonts.regular(), true)),
                    PackFonts.FAMILY,
                    400,
                    FontStyle.NORMAL,
                    true);
            builder.useFont(
                    new PDFontSupplier(PDType0Font.load(document, fonts.bold(), true)),
                    PackFonts.FAMILY,
                    700,
                    FontStyle.NORMAL,
                    true);
            // Glyph metrics are measured once per JVM, not once per pack.
            builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, fontMetrics);
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.withProducer("Pledge");
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            parsedFonts.offer(fonts);
        }
        return out.toByteArray();
    }

    /**
     * The font files parsed once and reused by one rendering at a time: parsing them took a fifth of a
     * pack's time. A parsed font is not safe for two threads at once, hence the pool.
     */
    private ParsedFonts borrowFonts() {
        ParsedFonts fonts = parsedFonts.poll();
        return fonts != null ? fonts : ParsedFonts.parse(PackFonts.get());
    }

    private record ParsedFonts(TrueTypeFont regular, TrueTypeFont bold) {

        static ParsedFonts parse(PackFonts fonts) {
            try {
                return new ParsedFonts(parse(fonts.regularFile()), parse(fonts.boldFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static TrueTypeFont parse(InputStream file) throws IOException {
            return new TTFParser().parse(new RandomAccessReadBuffer(file));
        }
    }

    /** The charts of one pack, drawn once: the HTML shows them and the PDF embeds the same SVG. */
    public record Charts(
            String responseByMonth,
            String resolutionByMonth,
            String responseAgainstTarget,
            String resolutionAgainstTarget,
            List<String> uptime,
            String paused) {

        static Charts draw(QbrPack pack, PackCharts charts) {
            // Fonts are registered before the first chart measures its text.
            PackFonts.get();
            List<String> uptime = new ArrayList<>();
            int index = 0;
            for (SystemUptime system : pack.systems()) {
                uptime.add(charts.dailyUptime("uptime-" + index++, system));
            }
            return new Charts(
                    charts.metByMonth("met-response", pack.monthlyMet(), "first-response"),
                    charts.metByMonth("met-resolution", pack.monthlyMet(), "resolution"),
                    charts.againstTarget("target-response", pack.priorities(), "first-response"),
                    charts.againstTarget("target-resolution", pack.priorities(), "resolution"),
                    uptime,
                    pack.paused().isEmpty() ? null : charts.paused("paused", pack.paused()));
        }
    }

    private static String read(String resource) {
        try (InputStream stream = QbrRenderer.class.getResourceAsStream(resource)) {
            if (stream == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
