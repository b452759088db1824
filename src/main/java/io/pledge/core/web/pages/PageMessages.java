package io.pledge.core.web.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The pages' message bundles: every {@code i18n/<name>.properties} on the class path, each with its
 * {@code i18n/<name>_fr.properties} twin. A module adds its pages' texts in a bundle of its own
 * ({@code i18n/tickets.properties}) without touching anyone else's; {@code PageMessagesTest} fails when a
 * key is missing in one language.
 */
public final class PageMessages {

    /** Where the bundles are: one pair of files per bundle. */
    public static final String LOCATION = "classpath*:i18n/*.properties";

    private static final Pattern TRANSLATION = Pattern.compile(".*_[a-z]{2}(_[A-Z]{2})?\\.properties");

    private PageMessages() {}

    /** The bundles' base names ({@code classpath:i18n/pages}), in alphabetical order. */
    public static List<String> basenames() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            return java.util.Arrays.stream(files)
                    .map(Resource::getFilename)
                    .filter(Objects::nonNull)
                    .filter(name -> !TRANSLATION.matcher(name).matches())
                    .map(name -> "classpath:i18n/" + name.substring(0, name.length() - ".properties".length()))
                    .distinct()
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A message source over every bundle: English when a language has no file, never the machine's. */
    public static ReloadableResourceBundleMessageSource source() {
        ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
        messages.setBasenames(basenames().toArray(String[]::new));
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
