package io.pledge.reporting.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The QBR pack read back from its PDF: the text a client reads, its pages, and pixels on every page. */
class QbrRendererTest {

    /** Cover, summary, charts, uptime, breaches and credits, rules and notes. */
    static final int PAGES = 6;

    private static final QbrRenderer RENDERER = new QbrRenderer();

    @Test
    void anEnglishPackNamesTheClientThePeriodItsFiguresAndEveryBreach() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(RENDERER.pdf(SamplePacks.quarter(Locale.ENGLISH)))) {
            String text = text(pdf);
            assertThat(text)
                    .contains("Northwind IT")
                    .contains(SamplePacks.CLIENT)
                    .contains("July 1, 2026 – September 30, 2026")
                    .contains("99.95%")
                    .contains("91.67%")
                    .contains("↑ +2.25 pts")
                    .contains("↓ −1.43 pts")
                    .contains("€1,234.50")
                    .contains("4 h 35 min")
                    .contains("Quarterly business review")
                    .contains("file server's failing disk array");
            assertThat(text).contains(SamplePacks.BREACHED_TICKETS);
            assertThat(pdf.getNumberOfPages()).isEqualTo(PAGES);
        }
    }

    @Test
    void aFrenchPackFormatsNumbersMoneyAndDatesTheFrenchWay() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(RENDERER.pdf(SamplePacks.quarter(Locale.FRENCH)))) {
            String text = text(pdf);
            assertThat(text)
                    .contains(SamplePacks.CLIENT)
                    .contains("du 1 juillet 2026 au 30 septembre 2026")
                    .contains("99,95 %")
                    .contains("91,67 %")
                    .contains("1 234,50 €")
                    .contains("4 h 35 min")
                    .contains("Revue trimestrielle de service")
                    .contains("Dépassements")
                    .doesNotContain("99.95%");
            assertThat(text).contains(SamplePacks.BREACHED_TICKETS);
            assertThat(pdf.getNumberOfPages()).isEqualTo(PAGES);
        }
    }

    @Test
    void everyBreachNamesItsTicketsSubject() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(RENDERER.pdf(SamplePacks.quarter(Locale.ENGLISH)))) {
            String text = oneLine(pdf);
            assertThat(text)
                    .contains("Serveur de fichiers inaccessible")
                    .contains("VPN en panne au siège")
                    .contains("Licence expirée");
        }
    }

    @Test
    void aClosedPeriodHasNoCreditAtRisk() throws IOException {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.FRENCH}) {
            try (PDDocument pdf = Loader.loadPDF(RENDERER.pdf(SamplePacks.quarter(locale)))) {
                assertThat(text(pdf)).doesNotContain("Credit at risk").doesNotContain("Pénalités en jeu");
            }
        }
    }

    @Test
    void aPeriodNotOverYetStatesItsCreditAtRiskInEnglish() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(RENDERER.pdf(SamplePacks.runningQuarter(Locale.ENGLISH)))) {
            String text = oneLine(pdf);
            assertThat(text)
                    .contains("This period is not over yet. If nothing else goes wrong, it will owe €50.00 in credits")
                    .contains("Credit at risk while the period runs")
                    .contains("the period owes €50.00")
                    .contains("13 min 13 s more downtime takes it below 99.9%: 10% of the fee")
                    .contains("One more breach takes it below 95%: 5% of the fee")
                    .contains("2 more breaches take it below 90%: 15% of the fee")
                    .contains("No further step");
            assertThat(pdf.getNumberOfPages()).isEqualTo(PAGES);
        }
    }

    @Test
    void aPeriodNotOverYetStatesItsCreditAtRiskInFrench() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(RENDERER.pdf(SamplePacks.runningQuarter(Locale.FRENCH)))) {
            String text = oneLine(pdf);
            assertThat(text)
                    .contains("Cette période n’est pas terminée. Si rien d’autre ne se dégrade, elle devra 50,00 €")
                    .contains("Pénalités en jeu sur la période en cours")
                    .contains("la période doit 50,00 €")
                    .contains("13 min 13 s d’indisponibilité de plus la font passer sous 99,9 % : 10 % de la redevance")
                    .contains("Un dépassement de plus la fait passer sous 95 % : 5 % de la redevance")
                    .contains("2 dépassements de plus la font passer sous 90 % : 15 % de la redevance")
                    .contains("Pas d’autre palier")
                    .doesNotContain("Credit at risk");
        }
    }

    @Test
    void everyPageHasInkAndEveryFontIsEmbedded() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(RENDERER.pdf(SamplePacks.quarter(Locale.FRENCH)))) {
            PDFRenderer pages = new PDFRenderer(pdf);
            for (int page = 0; page < pdf.getNumberOfPages(); page++) {
                BufferedImage image = pages.renderImageWithDPI(page, 40);
                assertThat(inkedPixels(image))
                        .as("dark pixels on page %d", page + 1)
                        .isGreaterThan(image.getWidth() * image.getHeight() / 400);
                for (var name : pdf.getPage(page).getResources().getFontNames()) {
                    PDFont font = pdf.getPage(page).getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
        }
    }

    @Test
    void everyPageRendersToAPng() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(RENDERER.pdf(SamplePacks.runningQuarter(Locale.ENGLISH)))) {
            PDFRenderer pages = new PDFRenderer(pdf);
            for (int page = 0; page < pdf.getNumberOfPages(); page++) {
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                assertThat(ImageIO.write(pages.renderImageWithDPI(page, 40), "png", png))
                        .isTrue();
                BufferedImage back = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
                assertThat(back.getWidth()).as("page %d", page + 1).isGreaterThan(300);
                assertThat(inkedPixels(back))
                        .as("dark pixels on page %d", page + 1)
                        .isGreaterThan(back.getWidth() * back.getHeight() / 400);
            }
        }
    }

    @Test
    void theChartsPageHoldsTheChartsAsVectorsNotOnlyText() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(RENDERER.pdf(SamplePacks.quarter(Locale.ENGLISH)))) {
            BufferedImage charts = new PDFRenderer(pdf).renderImageWithDPI(2, 40);
            BufferedImage rules = new PDFRenderer(pdf).renderImageWithDPI(5, 40);
            // Bars fill areas: the charts page carries far more ink than the page of plain text.
            assertThat(inkedPixels(charts)).isGreaterThan(3 * inkedPixels(rules) / 2);
        }
    }

    @Test
    void theHtmlViewIsTheSameDocumentWithItsChartsInline() {
        String html = RENDERER.html(SamplePacks.quarter(Locale.ENGLISH));
        assertThat(html)
                .contains("<svg")
                .containsPattern("id=[\"']met-response[\"']")
                .containsPattern("id=[\"']uptime-1[\"']")
                .contains(SamplePacks.CLIENT)
                .doesNotContain("<script");
    }

    private static String text(PDDocument pdf) throws IOException {
        // No-break spaces keep figures whole on the page; compare them as plain spaces.
        return new PDFTextStripper()
                .getText(pdf)
                .replace('\u00a0', ' ')
                .replace('\u202f', ' ')
                .replaceAll(" {2,}", " ");
    }

    /** The text with every run of white space as one space, so that a sentence wrapped in a cell reads whole. */
    private static String oneLine(PDDocument pdf) throws IOException {
        return text(pdf).replaceAll("\\s+", " ");
    }

    private static long inkedPixels(BufferedImage image) {
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int luminance = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
                if (luminance < 600) {
                    inked++;
                }
            }
        }
        return inked;
    }
}
