package io.pledge.reporting.credits;

import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import java.util.UUID;

/** What one credit line is for: a monitor, a covered service, or the clocks of a metric. */
public sealed interface CreditSubject {

    /** How the statement names it. */
    String label();

    /** One monitor, credited on its own availability. */
    record Monitor(UUID monitorId, String name, String service) implements CreditSubject {
        @Override
        public String label() {
            return name;
        }
    }

    /** A covered service, credited on the availability of its worst monitor. */
    record Service(String service, UUID worstMonitorId, String worstMonitorName) implements CreditSubject {
        @Override
        public String label() {
            return service;
        }
    }

    /** The clocks of a metric, of one priority or (priority null) of every priority. */
    record Tickets(Metric metric, Priority priority) implements CreditSubject {
        @Override
        public String label() {
            return metric + " " + (priority == null ? "(every priority)" : priority.code());
        }
    }
}
