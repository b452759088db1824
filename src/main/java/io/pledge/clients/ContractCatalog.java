package io.pledge.clients;

import io.pledge.calendar.Calendars;
import io.pledge.core.NotFoundException;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violation;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Contracts as the API and the pages write them: the document checked ({@link ContractTerms#parse}), the tier
 * and calendar it names required to exist, then stored through {@link Contracts} (which refuses dates that
 * overlap another contract of the client).
 */
@Service
public class ContractCatalog {

    private final Contracts contracts;
    private final Tiers tiers;
    private final Calendars calendars;

    ContractCatalog(Contracts contracts, Tiers tiers, Calendars calendars) {
        this.contracts = contracts;
        this.tiers = tiers;
        this.calendars = calendars;
    }

    /**
     * Adds a contract to a client.
     *
     * @throws io.pledge.core.InvalidRequestException naming every invalid field
     * @throws UnprocessableException when the tier or the calendar does not exist
     * @throws io.pledge.core.ConflictException when its dates overlap another contract of the client
     */
    public Contract add(ClientId client, ContractDocument document) {
        ContractTerms terms = ContractTerms.parse(document);
        requireReferences(terms);
        return contracts.add(client, terms);
    }

    /**
     * Replaces a contract's terms.
     *
     * @throws NotFoundException when there is no such contract
     */
    public Contract replace(ContractId id, ContractDocument document) {
        ContractTerms terms = ContractTerms.parse(document);
        if (contracts.find(id).isEmpty()) {
            throw notFound(id);
        }
        requireReferences(terms);
        return contracts.replace(id, terms).orElseThrow(() -> notFound(id));
    }

    private void requireReferences(ContractTerms terms) {
        List<Violation> missing = new ArrayList<>();
        if (tiers.find(terms.tier()).isEmpty()) {
            missing.add(new Violation("tierId", "unknown tier " + terms.tier()));
        }
        if (!calendars.exists(terms.calendar())) {
            missing.add(new Violation("calendarId", "unknown calendar " + terms.calendar()));
        }
        if (!missing.isEmpty()) {
            throw new UnprocessableException(missing);
        }
    }

    private static NotFoundException notFound(ContractId id) {
        return new NotFoundException("contract", id.value());
    }
}
