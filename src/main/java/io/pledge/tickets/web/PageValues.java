package io.pledge.tickets.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the ticket pages read from their forms and show beside ids. */
final class PageValues {

    private PageValues() {}

    /** A form's text, stripped, or null when blank. */
    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Names by id, the first of any two with the same id. */
    static <T> Map<UUID, String> names(List<T> all, Function<T, UUID> id, Function<T, String> name) {
        return all.stream().collect(Collectors.toMap(id, name, (a, b) -> a));
    }
}
