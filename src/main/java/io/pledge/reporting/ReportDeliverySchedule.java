package io.pledge.reporting;

import io.pledge.core.Poller;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Every {@code pledge.reports.interval} (a minute by default; zero: off), on each node: plans the reports
 * of due schedules, then mails due deliveries a few at a time (a pack takes a fraction of a second to
 * render), again at once while there is more.
 */
@Component
@ConditionalOnWebApplication
class ReportDeliverySchedule extends Poller {

    private static final int SCHEDULES = 20;
    private static final int MAILS = 5;

    ReportDeliverySchedule(ScheduledReports reports, @Value("${pledge.reports.interval:PT1M}") Duration interval) {
        super("pledge-reports", interval, Duration.ofSeconds(5), 1, () -> {
            boolean morePlans = reports.planDue(SCHEDULES) >= SCHEDULES;
            boolean moreMail = reports.sendDue(MAILS) >= MAILS;
            return morePlans || moreMail ? 1 : 0;
        });
    }
}
