package io.pledge.tickets.web;

import io.pledge.sla.ClockEntry;
import io.pledge.sla.ClockEntry.Kind;
import io.pledge.sla.SlaClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A clock's SLA story drawn as a bar: the stretches it ran and was paused (by reason) between its start and
 * its stop (or now), and a mark at each entry of its timeline and at its due instant, each placed as a
 * percentage of the bar. Only lays out the figures of {@link SlaClock}; computes none.
 */
public record ClockStory(SlaClock clock, Instant from, Instant to, List<Stretch> stretches, List<Mark> marks) {

    /**
     * A stretch of the bar: {@code running}, {@code paused} (with its status as reason) or {@code stopped}.
     */
    public record Stretch(String kind, String reason, Instant from, Instant to, double left, double width) {

        /** The CSS class of the stretch: its kind, and the reason of a pause. */
        public String css() {
            return reason == null
                    ? kind
                    : kind + " " + reason.toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public String style() {
            return String.format(Locale.ROOT, "left:%.3f%%;width:%.3f%%", left, width);
        }
    }

    /** A mark on the bar: a timeline entry (or the due instant, {@code DUE}) at its place. */
    public record Mark(String kind, Instant at, Duration elapsed, String detail, double left) {

        public String css() {
            return kind.toLowerCase(Locale.ROOT);
        }

        public String style() {
            return String.format(Locale.ROOT, "left:%.3f%%", left);
        }
    }

    static ClockStory of(SlaClock clock, Instant now) {
        List<ClockEntry> timeline = clock.timeline();
        Instant from = timeline.isEmpty() ? now : timeline.get(0).at();
        Instant end = clock.stoppedAt() != null ? clock.stoppedAt() : now;
        Instant to = end;
        if (clock.dueAt() != null && clock.dueAt().isAfter(to)) {
            to = clock.dueAt();
        }
        for (ClockEntry entry : timeline) {
            if (entry.at().isAfter(to)) {
                to = entry.at();
            }
        }
        if (!to.isAfter(from)) {
            to = from.plusSeconds(1);
        }
        Scale scale = new Scale(from, to);
        List<Stretch> stretches = new ArrayList<>();
        String kind = null;
        String reason = null;
        Instant since = null;
        for (ClockEntry entry : timeline) {
            String nextKind;
            String nextReason = null;
            switch (entry.kind()) {
                case STARTED, RESUMED, REOPENED, RESTARTED -> nextKind = "running";
                case PAUSED -> {
                    nextKind = "paused";
                    nextReason = entry.detail();
                }
                case STOPPED, CANCELLED -> nextKind = null;
                default -> {
                    continue;
                }
            }
            if (kind != null && since != null) {
                stretches.add(scale.stretch(kind, reason, since, entry.at()));
            }
            kind = nextKind;
            reason = nextReason;
            since = entry.at();
        }
        if (kind != null && since != null && end.isAfter(since)) {
            stretches.add(scale.stretch(kind, reason, since, end));
        }
        List<Mark> marks = new ArrayList<>();
        for (ClockEntry entry : timeline) {
            marks.add(new Mark(entry.kind().name(), entry.at(), entry.elapsed(), entry.detail(), scale.at(entry.at())));
        }
        if (clock.stoppedAt() == null && clock.dueAt() != null && clock.breachedAt() == null) {
            marks.add(new Mark("DUE", clock.dueAt(), clock.target(), null, scale.at(clock.dueAt())));
        }
        return new ClockStory(clock, from, to, List.copyOf(stretches), List.copyOf(marks));
    }

    /** Whether the clock is running now (the bar ends at now, not at a stop). */
    public boolean open() {
        return clock.stoppedAt() == null;
    }

    /** Where {@code now} is on the bar, for a still-open clock. */
    public String nowStyle(Instant now) {
        return new Scale(from, to).at(now) >= 0
                ? String.format(Locale.ROOT, "left:%.3f%%", new Scale(from, to).at(now))
                : "";
    }

    private record Scale(Instant from, Instant to) {

        double at(Instant instant) {
            double span = Duration.between(from, to).toMillis();
            double offset = Duration.between(from, instant).toMillis();
            return Math.max(0, Math.min(100, 100 * offset / span));
        }

        Stretch stretch(String kind, String reason, Instant start, Instant end) {
            double left = at(start);
            return new Stretch(kind, reason, start, end, left, Math.max(0.2, at(end) - left));
        }
    }

    /** The kinds a mark can have, for the legend. */
    static List<String> markKinds() {
        List<String> kinds = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            kinds.add(kind.name());
        }
        kinds.add("DUE");
        return kinds;
    }
}
