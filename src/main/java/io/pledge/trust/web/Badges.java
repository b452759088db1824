package io.pledge.trust.web;

import java.nio.charset.StandardCharsets;

/**
 * Flat two-part SVG badges (a grey label, a coloured value), as shields draw them: text in a system font,
 * widths estimated from the characters, the whole as a titled image for screen readers.
 */
final class Badges {

    static final String GREEN = "#2e7d32";
    static final String AMBER = "#a15c00";
    static final String RED = "#c62828";
    static final String BLUE = "#1f5fa8";
    static final String GREY = "#5f6368";

    private Badges() {}

    static byte[] badge(String label, String value, String colour) {
        int left = width(label);
        int right = width(value);
        int total = left + right;
        String title = Xml.text(label + ": " + value);
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + total + "\" height=\"20\" role=\"img\""
                + " aria-label=\"" + title + "\"><title>" + title + "</title>"
                + "<rect width=\"" + left + "\" height=\"20\" fill=\"#555\"/>"
                + "<rect x=\"" + left + "\" width=\"" + right + "\" height=\"20\" fill=\"" + colour + "\"/>"
                + "<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,DejaVu Sans,sans-serif\""
                + " font-size=\"11\">"
                + "<text x=\"" + (left / 2) + "\" y=\"14\">" + Xml.text(label) + "</text>"
                + "<text x=\"" + (left + right / 2) + "\" y=\"14\">" + Xml.text(value) + "</text>"
                + "</g></svg>";
        return svg.getBytes(StandardCharsets.UTF_8);
    }

    /** About 7 px per character at 11 px Verdana, plus padding. */
    private static int width(String text) {
        return 10 + text.codePointCount(0, text.length()) * 7;
    }
}
