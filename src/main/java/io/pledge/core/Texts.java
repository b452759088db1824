package io.pledge.core;

/**
 * Texts as requests carry them: well-formed UTF-16. JSON may escape a lone surrogate
 * ({@code "\ud800"}), which no encoder can write out as UTF-8 (a password hash, a mail, a database
 * column); such a text is refused where it is read.
 */
public final class Texts {

    public static final String MALFORMED = "must be valid Unicode text (it holds a lone UTF-16 surrogate)";

    private Texts() {}

    /** Whether every surrogate of the text is half of a pair. */
    public static boolean wellFormed(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return false;
                }
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The text as an error message may quote it: at most {@code max} characters (then "…"), each lone
     * surrogate replaced by U+FFFD so that the answer itself can be written.
     */
    public static String quoted(String text, int max) {
        return clean(text.length() <= max ? text : text.substring(0, max) + "…");
    }

    /** The text with each lone surrogate replaced by U+FFFD. */
    public static String clean(String cut) {
        if (wellFormed(cut)) {
            return cut;
        }
        StringBuilder clean = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < cut.length() && Character.isLowSurrogate(cut.charAt(i + 1))) {
                clean.append(c).append(cut.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                clean.append('\uFFFD');
            } else {
                clean.append(c);
            }
        }
        return clean.toString();
    }
}
