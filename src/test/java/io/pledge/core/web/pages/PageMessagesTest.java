package io.pledge.core.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Every page text exists in every language: each bundle of {@code i18n/} has the same keys in English and
 * French, and every message key a template names literally ({@code #{sign-in.title}}) is in a bundle.
 */
class PageMessagesTest {

    @Test
    void everyBundleHasTheSameKeysInEveryLanguage() throws IOException {
        assertThat(PageMessages.basenames()).contains("classpath:i18n/pages", "classpath:i18n/security");
        for (String basename : PageMessages.basenames()) {
            Set<String> english = keys(basename + ".properties");
            assertThat(english).as(basename).isNotEmpty();
            for (var language : Languages.SUPPORTED) {
                if (language.getLanguage().equals("en")) {
                    continue;
                }
                Set<String> translated = keys(basename + "_" + language.getLanguage() + ".properties");
                assertThat(missing(english, translated))
                        .as("keys of %s missing in %s", basename, language)
                        .isEmpty();
                assertThat(missing(translated, english))
                        .as("keys of %s in %s only", basename, language)
                        .isEmpty();
            }
        }
    }

    @Test
    void everyKeyATemplateNamesIsInABundle() throws IOException {
        Set<String> known = new TreeSet<>();
        for (String basename : PageMessages.basenames()) {
            known.addAll(keys(basename + ".properties"));
        }
        Pattern literalKey = Pattern.compile("#\\{([a-zA-Z0-9.\\-]+)[(}]");
        Set<String> unknown = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template :
                    templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                if (template.toString().contains("reporting/qbr")) {
                    continue; // the QBR pack has its own bundle and its own test
                }
                Matcher matcher = literalKey.matcher(Files.readString(template));
                while (matcher.find()) {
                    if (!known.contains(matcher.group(1))) {
                        unknown.add(template.getFileName() + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void aMissingKeyIsFound() {
        assertThat(missing(Set.of("a", "b"), Set.of("a"))).containsExactly("b");
    }

    private static Set<String> missing(Set<String> from, Set<String> in) {
        Set<String> missing = new TreeSet<>(from);
        missing.removeAll(in);
        return missing;
    }

    private static Set<String> keys(String location) throws IOException {
        var resource = new DefaultResourceLoader().getResource(location);
        assertThat(resource.exists()).as(location).isTrue();
        Properties properties = new Properties();
        try (InputStream in = resource.getInputStream()) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
