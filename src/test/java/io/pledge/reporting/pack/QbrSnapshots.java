package io.pledge.reporting.pack;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Writes the sample pack as HTML, PDF and one PNG per page into a folder, to look at by eye and for the
 * pictures in docs/screenshots. Usage: {@code QbrSnapshots FOLDER [LANGUAGE] [DPI]}.
 */
public final class QbrSnapshots {

    private QbrSnapshots() {}

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        Locale locale = Locale.forLanguageTag(args.length > 1 ? args[1] : "en");
        int dpi = args.length > 2 ? Integer.parseInt(args[2]) : 80;
        Files.createDirectories(folder);
        QbrRenderer renderer = new QbrRenderer();
        QbrPack pack = SamplePacks.quarter(locale);
        String html = renderer.html(pack);
        Files.writeString(folder.resolve("qbr-" + locale.getLanguage() + ".html"), html);
        byte[] pdf = renderer.pdf(html);
        Files.write(folder.resolve("qbr-" + locale.getLanguage() + ".pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer pages = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                BufferedImage image = pages.renderImageWithDPI(page, dpi);
                ImageIO.write(
                        image,
                        "png",
                        folder.resolve("qbr-" + locale.getLanguage() + "-" + (page + 1) + ".png")
                                .toFile());
            }
        }
    }
}
