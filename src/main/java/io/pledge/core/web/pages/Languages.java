package io.pledge.core.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;

/** The languages of Pledge's pages: English, the default, and French. */
public final class Languages {

    /** Every language the pages speak; each message bundle has one file per language. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

    /** The cookie holding the language a person chose on a page. */
    public static final String COOKIE = "pledge-language";

    private Languages() {}

    /** The supported language named by a tag ({@code fr}, {@code fr-CA}), or null when none is. */
    public static Locale supported(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String language = Locale.forLanguageTag(tag.strip()).getLanguage();
        return SUPPORTED.stream()
                .filter(locale -> locale.getLanguage().equals(language))
                .findFirst()
                .orElse(null);
    }

    /** The browser's preferred supported language (Accept-Language, in its order), else English. */
    public static Locale ofBrowser(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException malformed) {
                // a malformed header says nothing: the default applies
            }
        }
        return Locale.ENGLISH;
    }
}
