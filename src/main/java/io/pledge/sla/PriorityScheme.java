package io.pledge.sla;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The priorities an MSP uses, in order of urgency, with their display names. */
public record PriorityScheme(Map<Priority, String> displayNames) {

    public static final PriorityScheme STANDARD = new PriorityScheme(Map.of(
            Priority.of("P1"), "Critical",
            Priority.of("P2"), "High",
            Priority.of("P3"), "Medium",
            Priority.of("P4"), "Low"));

    /**
     * Every code P1..P9: for reading stored policies, which stay readable whatever the scheme later
     * becomes.
     */
    public static final PriorityScheme ALL_CODES = new PriorityScheme(java.util.stream.IntStream.rangeClosed(1, 9)
            .mapToObj(i -> Priority.of("P" + i))
            .collect(java.util.stream.Collectors.toMap(p -> p, Priority::code)));

    public PriorityScheme {
        if (displayNames.isEmpty()) {
            throw new IllegalArgumentException("a priority scheme needs at least one priority");
        }
        LinkedHashMap<Priority, String> sorted = new LinkedHashMap<>();
        displayNames.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        displayNames = java.util.Collections.unmodifiableMap(sorted);
    }

    /** The priority of a code if the scheme has it. */
    public Optional<Priority> find(String code) {
        return displayNames.keySet().stream()
                .filter(priority -> priority.code().equals(code))
                .findFirst();
    }

    public String describe() {
        return String.join(
                ", ", displayNames.keySet().stream().map(Priority::code).toList());
    }
}
