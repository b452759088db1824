package io.pledge.monitoring.uptime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A half-open interval of time {@code [start, end)}; empty when both ends are equal. */
public record Span(Instant start, Instant end) {

    public Span {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a span ends at or after its start: " + start + " > " + end);
        }
    }

    public static Span of(Instant start, Instant end) {
        return new Span(start, end);
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    public boolean isEmpty() {
        return start.equals(end);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    public boolean overlaps(Span other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /** The part of this span inside {@code other}; empty (at a bound) when they do not overlap. */
    public Span intersect(Span other) {
        Instant from = start.isAfter(other.start) ? start : other.start;
        Instant to = end.isBefore(other.end) ? end : other.end;
        return to.isAfter(from) ? new Span(from, to) : new Span(from, from);
    }

    /** The spans as disjoint, non-empty, non-adjacent spans in time order covering the same instants. */
    public static List<Span> union(List<Span> spans) {
        List<Span> sorted =
                new ArrayList<>(spans.stream().filter(s -> !s.isEmpty()).toList());
        sorted.sort(Comparator.comparing(Span::start));
        List<Span> merged = new ArrayList<>();
        for (Span span : sorted) {
            Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !span.start.isAfter(last.end)) {
                if (span.end.isAfter(last.end)) {
                    merged.set(merged.size() - 1, new Span(last.start, span.end));
                }
            } else {
                merged.add(span);
            }
        }
        return merged;
    }

    /** The parts of {@code spans} inside {@code window}, as a union. */
    public static List<Span> within(List<Span> spans, Span window) {
        return union(spans.stream().map(s -> s.intersect(window)).toList());
    }

    /** The instants of {@code spans} outside {@code removed}, as a union. */
    public static List<Span> minus(List<Span> spans, List<Span> removed) {
        List<Span> holes = union(removed);
        List<Span> result = new ArrayList<>();
        for (Span span : union(spans)) {
            Instant cursor = span.start;
            for (Span hole : holes) {
                if (!hole.end.isAfter(cursor) || !hole.start.isBefore(span.end)) {
                    continue;
                }
                if (hole.start.isAfter(cursor)) {
                    result.add(new Span(cursor, hole.start));
                }
                cursor = hole.end.isAfter(cursor) ? hole.end : cursor;
                if (!cursor.isBefore(span.end)) {
                    break;
                }
            }
            if (cursor.isBefore(span.end)) {
                result.add(new Span(cursor, span.end));
            }
        }
        return result;
    }

    @Override
    public String toString() {
        return "[" + start + ", " + end + ")";
    }
}
