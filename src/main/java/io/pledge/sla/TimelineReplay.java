package io.pledge.sla;

import io.pledge.sla.ClockEntry.Kind;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * Replays a ticket's events in order into one {@link ClockTrack} per metric, following the policy's
 * rules for pauses, reopenings and priority changes. One replay per evaluation; not thread-safe.
 */
final class TimelineReplay {

    private static final Metric[] METRICS = Metric.values();

    private final ClockRules rules;
    private final Map<Metric, ClockTrack> tracks = new EnumMap<>(Metric.class);
    private Priority priority;
    private TicketStatus status = TicketStatus.NEW;
    private boolean cancelled;

    private TimelineReplay(ClockRules rules) {
        this.rules = rules;
    }

    /** The tracks of every metric after the events up to {@code at} (inclusive); later events are ignored. */
    static Collection<ClockTrack> replay(ClockRules rules, TicketTimeline timeline, Instant at) {
        TimelineReplay replay = new TimelineReplay(rules);
        for (TicketEvent event : timeline.events()) {
            if (event.at().isAfter(at)) {
                break;
            }
            replay.apply(event);
        }
        return replay.tracks.values();
    }

    private void apply(TicketEvent event) {
        if (cancelled) {
            return;
        }
        Instant t = event.at();
        if (event instanceof TicketEvent.Created created) {
            priority = created.priority();
            for (Metric metric : METRICS) {
                ClockTrack track = new ClockTrack(metric, rules.pauseStatuses(metric));
                track.startCycle(t, epoch(t, metric, false), Kind.STARTED, status);
                tracks.put(metric, track);
            }
        } else if (event instanceof TicketEvent.StatusChanged change) {
            changeStatus(t, change.status());
        } else if (event instanceof TicketEvent.Replied reply) {
            if (reply.isFirstResponse()) {
                stop(tracks.get(Metric.FIRST_RESPONSE), t, "first public reply");
            }
        } else if (event instanceof TicketEvent.PriorityChanged change) {
            changePriority(t, change.priority());
        } else if (event instanceof TicketEvent.Resolved) {
            resolve(t);
        } else if (event instanceof TicketEvent.Closed) {
            close(t);
        } else if (event instanceof TicketEvent.Reopened) {
            reopen(t, TicketStatus.OPEN);
        } else if (event instanceof TicketEvent.Cancelled) {
            cancelled = true;
            for (ClockTrack track : tracks.values()) {
                track.cancel(t);
            }
        }
        // An internal note (TicketEvent.Note) never counts as a response.
    }

    private void changeStatus(Instant t, TicketStatus next) {
        if (next == TicketStatus.RESOLVED) {
            resolve(t);
        } else if (next == TicketStatus.CLOSED) {
            close(t);
        } else if (isStopped()) {
            reopen(t, next);
        } else {
            status = next;
            for (ClockTrack track : tracks.values()) {
                track.current().enterStatus(t, next, track.pauseStatuses());
            }
        }
    }

    private boolean isStopped() {
        return status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED;
    }

    private void resolve(Instant t) {
        if (isStopped()) {
            return;
        }
        status = TicketStatus.RESOLVED;
        stop(tracks.get(Metric.FIRST_RESPONSE), t, "resolved without a public reply");
        stop(tracks.get(Metric.RESOLUTION), t, "resolved");
    }

    private void close(Instant t) {
        if (status == TicketStatus.CLOSED) {
            return;
        }
        boolean wasResolved = status == TicketStatus.RESOLVED;
        status = TicketStatus.CLOSED;
        if (!wasResolved) {
            stop(tracks.get(Metric.FIRST_RESPONSE), t, "closed without a public reply");
            stop(tracks.get(Metric.RESOLUTION), t, "closed");
        }
    }

    private static void stop(ClockTrack track, Instant t, String reason) {
        if (track.current().isActive()) {
            track.current().finish(t, Kind.STOPPED, reason);
        }
    }

    /** Only resolution runs again: a stopped first-response clock stays stopped. */
    private void reopen(Instant t, TicketStatus next) {
        if (!isStopped()) {
            return;
        }
        status = next;
        ClockTrack resolution = tracks.get(Metric.RESOLUTION);
        if (rules.reopenRule() == ReopenRule.NEW_CYCLE) {
            resolution.startCycle(t, epoch(t, Metric.RESOLUTION, false), Kind.REOPENED, status);
            return;
        }
        ClockCycle cycle = resolution.current();
        cycle.resume(t, status, resolution.pauseStatuses());
        if (!cycle.lastEpoch().priority().equals(priority)) {
            retarget(resolution, t);
        }
    }

    private void changePriority(Instant t, Priority next) {
        if (next.equals(priority)) {
            return;
        }
        priority = next;
        for (ClockTrack track : tracks.values()) {
            if (track.current().isActive()) {
                retarget(track, t);
            }
        }
    }

    private void retarget(ClockTrack track, Instant t) {
        if (rules.priorityChangeRule() == PriorityChangeRule.RESTART) {
            track.current().finish(t, Kind.RESTARTED, "priority changed to " + priority);
            track.startCycle(t, epoch(t, track.metric(), false), Kind.RESTARTED, status);
        } else {
            // Retroactive: the cycle's elapsed time counts against the new target from the cycle's start.
            Instant cycleStart = track.current().epochs().get(0).from();
            track.current()
                    .retarget(new TargetEpoch(t, priority, rules.target(track.metric(), priority), true, cycleStart));
        }
    }

    private TargetEpoch epoch(Instant t, Metric metric, boolean retroactive) {
        return new TargetEpoch(t, priority, rules.target(metric, priority), retroactive);
    }
}
