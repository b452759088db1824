package io.pledge.alerts;

import io.pledge.clients.ClientId;
import io.pledge.clients.TierId;
import io.pledge.sla.Metric;
import io.pledge.sla.Priority;
import io.pledge.sla.Threshold;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Escalation rules and their versions; the current version of a rule is its highest. */
public interface EscalationRules {

    /** Saves the next version of a rule (version 1 for a new one), created now. */
    EscalationRule save(EscalationRule rule);

    /** The active rules at their current version, by name. */
    List<EscalationRule> current();

    /** The current version of a rule, active or retired. */
    Optional<EscalationRule> current(UUID id);

    Optional<EscalationRule> find(UUID id, int version);

    /** Every version of a rule, the first first. */
    List<EscalationRule> versions(UUID id);

    /** The active rules matching a fired threshold of a clock (a rule's absent tier, priority, metric or client matches any). */
    List<EscalationRule> matching(TierId tier, Priority priority, Metric metric, ClientId client, Threshold threshold);

    /** The active rules firing on a monitor event of a client. */
    List<EscalationRule> matching(EscalationRule.FiresOn event, ClientId client);
}
