package io.pledge.reporting.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every text of the reports exists in English and in French, with the same placeholders. */
class ReportingMessagesSyncTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    @Test
    void everyKeyIsInBothLanguages() throws IOException {
        Properties english = load("/messages_reporting.properties");
        Properties french = load("/messages_reporting_fr.properties");
        assertThat(english).isNotEmpty();
        assertThat(french.stringPropertyNames())
                .as("keys missing in French")
                .containsAll(english.stringPropertyNames());
        assertThat(english.stringPropertyNames())
                .as("keys missing in English")
                .containsAll(french.stringPropertyNames());
    }

    @Test
    void bothLanguagesTakeTheSameArguments() throws IOException {
        Properties english = load("/messages_reporting.properties");
        Properties french = load("/messages_reporting_fr.properties");
        for (String key : english.stringPropertyNames()) {
            assertThat(placeholders(french.getProperty(key, "")))
                    .as(key)
                    .isEqualTo(placeholders(english.getProperty(key)));
        }
    }

    @Test
    void noMessageHasAStraightApostropheThatMessageFormatWouldSwallow() throws IOException {
        for (String bundle : new String[] {"/messages_reporting.properties", "/messages_reporting_fr.properties"}) {
            Properties messages = load(bundle);
            for (String key : messages.stringPropertyNames()) {
                assertThat(messages.getProperty(key)).as(bundle + " " + key).doesNotContain("'");
            }
        }
    }

    @Test
    void everyKeyTheTemplateNamesExists() throws IOException {
        Properties english = load("/messages_reporting.properties");
        String template;
        try (InputStream stream = getClass().getResourceAsStream("/templates/reporting/qbr.html")) {
            template = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher keys = Pattern.compile("#\\{([a-z0-9.-]+)[(}]").matcher(template);
        Set<String> named = new TreeSet<>();
        while (keys.find()) {
            named.add(keys.group(1));
        }
        assertThat(named).isNotEmpty();
        assertThat(english.stringPropertyNames()).containsAll(named);
    }

    private static Set<String> placeholders(String message) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(message);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream stream = ReportingMessagesSyncTest.class.getResourceAsStream(resource)) {
            assertThat(stream).as(resource).isNotNull();
            properties.load(new InputStreamReader(stream, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
