package io.pledge.reporting.credits;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Response and resolution credits: one line per metric (and priority) the schedule names. */
final class TicketCredits {

    private TicketCredits() {}

    /** The clocks one line is judged on, added up over the priorities it counts. */
    record Tally(CreditSubject.Tickets subject, long stopped, List<String> breachIds, Duration waitingOnClient) {

        static Tally of(CreditSubject.Tickets subject, List<MetFigures> figures) {
            long stopped = 0;
            List<String> breaches = new ArrayList<>();
            Duration waiting = Duration.ZERO;
            for (MetFigures figure : figures) {
                if (figure.metric() == subject.metric()
                        && (subject.priority() == null || subject.priority().equals(figure.priority()))) {
                    stopped += figure.stopped();
                    breaches.addAll(figure.breachIds());
                    waiting = waiting.plus(figure.waitingOnClient());
                }
            }
            return new Tally(subject, stopped, List.copyOf(breaches), waiting);
        }

        long met() {
            return stopped - breachIds.size();
        }

        /** Met %, null when no clock stopped. */
        BigDecimal percent() {
            return MetFigures.metPercent(met(), stopped);
        }

        /** Met % after {@code more} further clocks stop breached. */
        BigDecimal percentAfter(long more) {
            return MetFigures.metPercent(met(), stopped + more);
        }
    }

    static Optional<CreditLine> line(Tally tally, Schedule schedule, Pricing pricing) {
        BigDecimal met = tally.percent();
        if (met == null) {
            return Optional.empty();
        }
        return schedule.deepestHit(met).map(step -> {
            BigDecimal percent = schedule.percentOwed(met);
            List<Exclusion> exclusions = tally.waitingOnClient().isZero()
                    ? List.of()
                    : List.of(new Exclusion(Exclusion.Kind.WAITING_ON_CLIENT, tally.waitingOnClient(), List.of()));
            return new CreditLine(
                    tally.subject(),
                    met,
                    step,
                    percent,
                    pricing.amount(percent),
                    tally.breachIds(),
                    exclusions,
                    pricing.policyVersion());
        });
    }

    /** The least number of further breaches that takes the figure below its next level. */
    static CreditForecast.BreachHeadroom headroom(Tally tally, Schedule schedule) {
        BigDecimal met = tally.percent();
        ScheduleStep current = met == null ? null : schedule.deepestHit(met).orElse(null);
        // With no clock yet, every level is still ahead: the first breach makes it 0 %.
        Optional<ScheduleStep> level = met == null
                ? schedule.steps().stream().max((a, b) -> a.below().compareTo(b.below()))
                : schedule.nextLevel(met);
        if (level.isEmpty()) {
            return new CreditForecast.BreachHeadroom(tally.subject(), met, current, null, null);
        }
        long more = moreBreaches(tally, level.get().below());
        ScheduleStep next = schedule.deepestHit(tally.percentAfter(more)).orElseThrow();
        return new CreditForecast.BreachHeadroom(tally.subject(), met, current, next, more);
    }

    /**
     * The least number of further breached clocks that takes met % strictly below {@code level}. Met %
     * only falls as breaches come and reaches 0 % eventually, so doubling then bisecting finds it.
     */
    static long moreBreaches(Tally tally, BigDecimal level) {
        long low = 0;
        long high = 1;
        while (tally.percentAfter(high).compareTo(level) >= 0) {
            low = high;
            high = Math.multiplyExact(high, 2);
        }
        while (high - low > 1) {
            long middle = low + (high - low) / 2;
            if (tally.percentAfter(middle).compareTo(level) < 0) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return high;
    }
}
