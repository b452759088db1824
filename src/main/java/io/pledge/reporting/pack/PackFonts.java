package io.pledge.reporting.pack;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * DejaVu Sans, shipped with Pledge (fonts/LICENSE-DejaVu.txt): it has every accented letter of French
 * and the arrows the summary prints, so the PDF embeds the same glyphs on every machine, whatever fonts
 * the operating system has. Charts measure their text with it too, and it is registered with AWT so that
 * the SVG drawer finds it by name when it draws the charts into the PDF.
 */
public final class PackFonts {

    public static final String FAMILY = "DejaVu Sans";
    static final String REGULAR = "/fonts/DejaVuSans.ttf";
    static final String BOLD = "/fonts/DejaVuSans-Bold.ttf";

    private static final PackFonts INSTANCE = new PackFonts();

    private final byte[] regularFile;
    private final byte[] boldFile;
    private final Font regular;
    private final Font bold;

    private PackFonts() {
        regularFile = read(REGULAR);
        boldFile = read(BOLD);
        regular = load(regularFile, REGULAR);
        bold = load(boldFile, BOLD);
        GraphicsEnvironment environment = GraphicsEnvironment.getLocalGraphicsEnvironment();
        environment.registerFont(regular);
        environment.registerFont(bold);
    }

    /** The fonts, loaded and registered once per JVM (AWT's registry is global). */
    public static PackFonts get() {
        return INSTANCE;
    }

    public Font regular(float size) {
        return regular.deriveFont(Font.PLAIN, size);
    }

    public Font bold(float size) {
        return bold.deriveFont(Font.PLAIN, size);
    }

    /** A fresh stream of the regular font file, for the PDF renderer to embed (read once, kept in memory). */
    InputStream regularFile() {
        return new ByteArrayInputStream(regularFile);
    }

    InputStream boldFile() {
        return new ByteArrayInputStream(boldFile);
    }

    private static byte[] read(String resource) {
        try (InputStream stream = PackFonts.class.getResourceAsStream(resource)) {
            if (stream == null) {
                throw new IllegalStateException("font " + resource + " is missing from the classpath");
            }
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Font load(byte[] file, String resource) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("font " + resource + " is not a TrueType font", e);
        }
    }
}
