package io.pledge.reporting.credits;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The credit at risk in the current, unfinished period.
 *
 * @param ifNothingElseGoesWrong what the period owes if no more downtime comes and the open clocks stop as
 *     they stand (running ones met, breached ones breached)
 * @param downtime per availability subject, how much more downtime moves it to a further step
 * @param breaches per response or resolution figure, how many more breaches move it to a further step
 */
public record CreditForecast(
        CreditStatement ifNothingElseGoesWrong, List<DowntimeHeadroom> downtime, List<BreachHeadroom> breaches) {

    public CreditForecast {
        downtime = List.copyOf(downtime);
        breaches = List.copyOf(breaches);
    }

    /**
     * How far an availability subject is from a further step.
     *
     * @param availability its availability as it stands, in percent
     * @param current the step it is on, null when none
     * @param next the step it lands on after {@code moreDowntime}; null when no step is left below it
     * @param moreDowntime the least downtime, in whole seconds of the monitor's calendar, that moves it to
     *     {@code next}: one second less does not; null when no step is left or nothing is counted
     * @param viaMonitor the monitor that downtime would hit (for a service, the one nearest to the step)
     */
    public record DowntimeHeadroom(
            CreditSubject subject,
            BigDecimal availability,
            ScheduleStep current,
            ScheduleStep next,
            Duration moreDowntime,
            UUID viaMonitor) {}

    /**
     * How far a response or resolution figure is from a further step.
     *
     * @param met its met % with the open clocks stopped as they stand; null when no clock counts
     * @param current the step it is on, null when none
     * @param next the step it lands on after {@code moreBreaches}; null when no step is left below it
     * @param moreBreaches the least number of further breached clocks that moves it to {@code next}; null
     *     when no step is left
     */
    public record BreachHeadroom(
            CreditSubject subject, BigDecimal met, ScheduleStep current, ScheduleStep next, Long moreBreaches) {}
}
