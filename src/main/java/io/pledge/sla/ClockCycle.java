package io.pledge.sla;

import io.pledge.sla.ClockEntry.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One cycle of a clock as a replay builds it: the targets in force (epochs), the stretches it counted,
 * its pauses, the notes that explain it, and its end once stopped. Mutable while the replay runs, read
 * only afterwards.
 */
final class ClockCycle {

    /** A stay in a pause status, {@code [from, to)}; {@code to} is null while it lasts. */
    record Pause(TicketStatus status, Instant from, Instant to) {}

    /**
     * A line of the explanation as the replay writes it. The detail is a {@link TargetEpoch}, a
     * {@link TicketStatus} or a reason, rendered only when the explanation is read.
     */
    record Note(Kind kind, Instant at, Object detail) {

        String renderedDetail() {
            return detail instanceof TargetEpoch epoch ? epoch.describe() : String.valueOf(detail);
        }
    }

    private final int number;
    private final List<TargetEpoch> epochs = new ArrayList<>(2);
    /** The stretches counted and closed; the one still counting is {@link #countingSince}. */
    private final List<Stretch> stretches = new ArrayList<>(4);
    /**
     * Where the stretch still counting began, or null: kept apart from the closed ones so that a stretch
     * costs one allocation, when it closes.
     */
    private Instant countingSince;

    private final List<Pause> pauses = new ArrayList<>(2);
    private final List<Note> notes = new ArrayList<>(6);
    private Instant end;

    ClockCycle(int number) {
        this.number = number;
    }

    int number() {
        return number;
    }

    /** The targets in force, in order; the first from the cycle's start. */
    List<TargetEpoch> epochs() {
        return epochs;
    }

    TargetEpoch lastEpoch() {
        return epochs.get(epochs.size() - 1);
    }

    /** The closed stretches, in order. */
    List<Stretch> stretches() {
        return stretches;
    }

    /** The start of the stretch still counting, after the closed ones; null when not counting. */
    Instant countingSince() {
        return countingSince;
    }

    List<Pause> pauses() {
        return pauses;
    }

    List<Note> notes() {
        return notes;
    }

    /** When the cycle stopped, or null while it runs or pauses. */
    Instant end() {
        return end;
    }

    boolean isActive() {
        return end == null;
    }

    boolean isCounting() {
        return end == null && countingSince != null;
    }

    boolean isPaused() {
        return end == null && !pauses.isEmpty() && pauses.get(pauses.size() - 1).to() == null;
    }

    void note(Kind kind, Instant at, Object detail) {
        notes.add(new Note(kind, at, detail));
    }

    /** Applies a new target from {@code epoch.from()}, noted as a retarget. */
    void retarget(TargetEpoch epoch) {
        epochs.add(epoch);
        note(Kind.RETARGETED, epoch.from(), epoch);
    }

    /** Starts the cycle with its first target, noted as {@code kind}, counting unless the status pauses it. */
    void start(Instant t, TargetEpoch epoch, Kind kind, TicketStatus status, Set<TicketStatus> pauseStatuses) {
        epochs.add(epoch);
        note(kind, t, epoch);
        begin(t, status, pauseStatuses);
    }

    void enterStatus(Instant t, TicketStatus status, Set<TicketStatus> pauseStatuses) {
        if (!isActive()) {
            return;
        }
        boolean pause = pauseStatuses.contains(status);
        if (isPaused()) {
            Pause current = pauses.get(pauses.size() - 1);
            if (current.status() == status) {
                return;
            }
            closePause(t);
            if (pause) {
                pauses.add(new Pause(status, t, null));
                note(Kind.PAUSED, t, status);
            } else {
                countingSince = t;
                note(Kind.RESUMED, t, status);
            }
        } else if (pause) {
            closeStretch(t);
            pauses.add(new Pause(status, t, null));
            note(Kind.PAUSED, t, status);
        }
    }

    /** Runs a stopped cycle again (a reopening), with the time it counted already. */
    void resume(Instant t, TicketStatus status, Set<TicketStatus> pauseStatuses) {
        end = null;
        note(Kind.REOPENED, t, status);
        begin(t, status, pauseStatuses);
    }

    /** Stops the cycle: {@code kind} says how (stopped, restarted, cancelled), {@code reason} why. */
    void finish(Instant t, Kind kind, String reason) {
        closeStretch(t);
        closePause(t);
        end = t;
        note(kind, t, reason);
    }

    private void begin(Instant t, TicketStatus status, Set<TicketStatus> pauseStatuses) {
        if (pauseStatuses.contains(status)) {
            pauses.add(new Pause(status, t, null));
            note(Kind.PAUSED, t, status);
        } else {
            countingSince = t;
        }
    }

    private void closeStretch(Instant t) {
        // Paused or stopped at the instant it began (that event comes first): it never counted.
        if (countingSince != null && !countingSince.equals(t)) {
            stretches.add(new Stretch(countingSince, t));
        }
        countingSince = null;
    }

    private void closePause(Instant t) {
        if (!pauses.isEmpty() && pauses.get(pauses.size() - 1).to() == null) {
            Pause open = pauses.remove(pauses.size() - 1);
            pauses.add(new Pause(open.status(), open.from(), t));
        }
    }
}
