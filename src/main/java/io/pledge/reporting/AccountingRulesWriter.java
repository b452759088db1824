package io.pledge.reporting;

import io.pledge.calendar.CalendarId;
import io.pledge.calendar.Calendars;
import io.pledge.clients.Tier;
import io.pledge.clients.TierId;
import io.pledge.clients.TierPolicy;
import io.pledge.clients.Tiers;
import io.pledge.monitoring.Monitor;
import io.pledge.reporting.ComplianceReport.AccountingRules;
import io.pledge.reporting.ComplianceReport.CalendarRule;
import io.pledge.reporting.ComplianceReport.DownRule;
import io.pledge.reporting.ComplianceReport.PeriodLine;
import io.pledge.reporting.ComplianceReport.PolicyRule;
import io.pledge.reporting.ComplianceReport.TargetRule;
import io.pledge.sla.SlaPolicy;
import io.pledge.sla.Target;
import io.pledge.sla.TicketStatus;
import io.pledge.tickets.ClockRecords.ClockRecord;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * States in the report how its figures were counted: the period's bounds, the calendars and policy versions
 * the clocks count under, what counts as down for each monitor, and the methods in words.
 */
@Component
class AccountingRulesWriter {

    private final Tiers tiers;
    private final Calendars calendars;

    AccountingRulesWriter(Tiers tiers, Calendars calendars) {
        this.tiers = tiers;
        this.calendars = calendars;
    }

    AccountingRules write(PeriodLine period, ZoneId zone, List<ClockRecord> records, List<Monitor> monitors) {
        Set<UUID> calendarIds = new LinkedHashSet<>();
        Map<String, PolicyRule> policies = new LinkedHashMap<>();
        for (ClockRecord record : records) {
            if (record.calendarId() != null) {
                calendarIds.add(record.calendarId());
            }
            if (record.tierId() == null || record.policyVersion() == null) {
                continue;
            }
            String key = record.tierId() + "/" + record.policyVersion();
            if (!policies.containsKey(key)) {
                policy(record.tierId(), record.policyVersion()).ifPresent(rule -> {
                    policies.put(key, rule);
                    rule.targets().stream()
                            .map(TargetRule::calendar)
                            .filter(Objects::nonNull)
                            .forEach(calendarIds::add);
                });
            }
        }
        for (Monitor monitor : monitors) {
            if (monitor.definition().commitment().calendar() != null) {
                calendarIds.add(monitor.definition().commitment().calendar().value());
            }
        }
        List<CalendarRule> calendarRules = new ArrayList<>();
        for (UUID id : calendarIds) {
            calendars
                    .find(new CalendarId(id))
                    .ifPresent(stored -> calendarRules.add(new CalendarRule(
                            id,
                            stored.definition().name(),
                            stored.definition().zone().getId())));
        }
        List<DownRule> down = monitors.stream()
                .map(m -> new DownRule(
                        m.id(),
                        m.name(),
                        m.kind().name(),
                        m.definition().schedule().downAfter(),
                        m.definition().schedule().upAfter(),
                        m.definition().commitment().calendar() == null
                                ? "24x7"
                                : name(m.definition().commitment().calendar().value())))
                .toList();
        return new AccountingRules(
                zone.getId(), statements(period, zone), calendarRules, List.copyOf(policies.values()), down);
    }

    private java.util.Optional<PolicyRule> policy(UUID tierId, int version) {
        java.util.Optional<TierPolicy> policy = tiers.version(new TierId(tierId), version);
        String tierName = tiers.find(new TierId(tierId)).map(Tier::name).orElse(null);
        return policy.map(p -> {
            SlaPolicy sla = p.terms().sla();
            List<TargetRule> targets = new ArrayList<>();
            for (Target target : sla.targets()) {
                targets.add(new TargetRule(
                        target.priority().code(),
                        target.metric().name(),
                        target.duration(),
                        target.calendar().map(CalendarId::value).orElse(null),
                        target.isBusinessDays() ? target.businessDays().describe() : null));
            }
            Map<String, List<String>> pauses = new LinkedHashMap<>();
            sla.pauseStatuses()
                    .forEach((metric, statuses) -> pauses.put(
                            metric.name(),
                            statuses.stream().map(TicketStatus::name).sorted().toList()));
            return new PolicyRule(
                    tierId,
                    tierName,
                    version,
                    p.effectiveFrom(),
                    targets,
                    pauses,
                    sla.reopenRule().name(),
                    sla.priorityChangeRule().name());
        });
    }

    private String name(UUID calendar) {
        return calendars
                .find(new CalendarId(calendar))
                .map(stored -> stored.definition().name())
                .orElse(calendar.toString());
    }

    private static List<String> statements(PeriodLine period, ZoneId zone) {
        return List.of(
                "Period " + period.label() + ": " + period.firstDay() + " to " + period.lastDay()
                        + " inclusive in " + zone.getId() + ", the instants [" + period.start() + ", " + period.end()
                        + "); counted up to " + period.until() + ".",
                "Business time is counted to the second in the calendar of each target: the target's own, else the"
                        + " contract's (listed under calendars). Hours are local times in the calendar's zone, so"
                        + " a day with a DST change counts its real hours.",
                "Each ticket's clocks count under the policy version in force for its contract and priority when the"
                        + " ticket was created (listed under policies); later policy versions do not change them.",
                "A clock counts in the period in which it stopped, met or breached, as its stored record says:"
                        + " a reopened ticket's resolution clock counts once, when it last stopped, with every"
                        + " working stretch. Cancelled clocks do not count; tickets outside their contract's scope"
                        + " have no clocks and are listed with the reason.",
                "A priority change applies the new priority's targets as the policy says (RETROACTIVE: the time"
                        + " already counted counts against the new target, and the breach instant is when it"
                        + " crossed it); a clock is shown under the priority it stopped under.",
                "Met % = clocks met ÷ clocks stopped. Median and 90th percentile are nearest-rank: the smallest"
                        + " business time with at least 50 % (90 %) of the clocks at or below it. Overshoot ="
                        + " business time counted − target.",
                "A business-day target (listed in words under policies) fixes each clock's deadline when the"
                        + " clock starts, in the target's calendar; the clock's target is the business time from"
                        + " its start to that deadline, and it is counted and paused as any other target.",
                "Open and breached: open at the period's end (now, for a period not over) and past its target"
                        + " before then.",
                "Paused time: business time a clock spent in a pause status of its policy (listed under policies),"
                        + " by reason: waiting on customer, waiting on vendor, any other pause status as OTHER; for"
                        + " the clocks that stopped in the period, in their last cycle.",
                "A probed monitor is down from the first failed check of a run of downAfter failures until the"
                        + " first of upAfter successes; an external monitor is down while its tool reports it"
                        + " down. Availability = (covered − maintenance − gaps − downtime outside them) ÷"
                        + " (covered − maintenance − gaps), in the monitor's calendar; time before the monitor was"
                        + " watched is no data. Maintenance windows created after they started are flagged"
                        + " retroactive with their reason.",
                "Error budget = (100 − target) % of the period's counted time; used = downtime ÷ budget. Incidents"
                        + " are downtime records that started in the period; mean time to recovery is their mean"
                        + " length, start to end, in elapsed time, over those that ended.",
                "Changes compare with " + period.previousLabel() + " (the previous month, quarter, or range of the"
                        + " same number of days), counted the same way in the same zone.");
    }
}
