package io.pledge.clients;

import io.pledge.calendar.CalendarId;
import io.pledge.calendar.Calendars;
import io.pledge.core.NotFoundException;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violation;
import io.pledge.core.Violations;
import io.pledge.sla.PriorityScheme;
import io.pledge.sla.SlaPolicyDocument;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Tiers and policy versions as the API and the pages write them: the documents checked
 * ({@link PolicyTerms#parse}), the calendars their targets name required to exist, then stored through
 * {@link Tiers}. Violations name the API's fields ({@code policy.targets[0].target} when a tier is
 * created, {@code targets[0].target} for a new version).
 */
@Service
public class TierCatalog {

    private final Tiers tiers;
    private final Calendars calendars;
    private final PriorityScheme priorities;

    TierCatalog(Tiers tiers, Calendars calendars, PriorityScheme priorities) {
        this.tiers = tiers;
        this.calendars = calendars;
        this.priorities = priorities;
    }

    /**
     * Creates a tier with policy version 1, in force from now.
     *
     * @throws io.pledge.core.InvalidRequestException naming every invalid field
     * @throws UnprocessableException when a target names an unknown calendar
     * @throws io.pledge.core.ConflictException when another tier has the name
     */
    public Tier create(String name, String description, TierPolicyDocument policy, String author) {
        Violations violations = new Violations();
        String checkedName = violations.text("name", name, 100);
        String checkedDescription = violations.optionalText("description", description, 2000);
        PolicyTerms terms = null;
        if (policy == null) {
            violations.add("policy", "is required");
        } else {
            terms = PolicyTerms.parse(policy, priorities, violations.under("policy."));
        }
        violations.throwIfAny();
        requireCalendars(terms, "policy.");
        return tiers.add(checkedName, checkedDescription, terms, author);
    }

    /**
     * Saves the tier's next policy version, in force from now; earlier versions never change.
     *
     * @throws NotFoundException when there is no such tier
     */
    public TierPolicy revise(TierId id, TierPolicyDocument document, String author) {
        PolicyTerms terms = PolicyTerms.parse(document, priorities);
        if (tiers.find(id).isEmpty()) {
            throw notFound(id);
        }
        requireCalendars(terms, "");
        return tiers.revise(id, terms, author).orElseThrow(() -> notFound(id));
    }

    /**
     * Renames a tier or changes its description; its policy versions stay as they are.
     *
     * @throws io.pledge.core.InvalidRequestException naming every invalid field
     * @throws NotFoundException when there is no such tier
     * @throws io.pledge.core.ConflictException when another tier has the name
     */
    public Tier rename(TierId id, String name, String description) {
        Violations violations = new Violations();
        String checkedName = violations.text("name", name, 100);
        String checkedDescription = violations.optionalText("description", description, 2000);
        violations.throwIfAny();
        return tiers.rename(id, checkedName, checkedDescription).orElseThrow(() -> notFound(id));
    }

    /**
     * Deletes a tier with all its policy versions.
     *
     * @throws NotFoundException when there is no such tier
     * @throws io.pledge.core.ConflictException when a contract uses it
     */
    public void remove(TierId id) {
        if (!tiers.remove(id)) {
            throw notFound(id);
        }
    }

    private void requireCalendars(PolicyTerms terms, String prefix) {
        List<SlaPolicyDocument.TargetDocument> targets = terms.toDocument().targets();
        List<Violation> missing = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            String calendar = targets.get(i).calendarId();
            if (calendar != null && !calendars.exists(CalendarId.of(calendar))) {
                missing.add(new Violation(prefix + "targets[" + i + "].calendarId", "unknown calendar " + calendar));
            }
        }
        if (!missing.isEmpty()) {
            throw new UnprocessableException(missing);
        }
    }

    private static NotFoundException notFound(TierId id) {
        return new NotFoundException("tier", id.value());
    }
}
