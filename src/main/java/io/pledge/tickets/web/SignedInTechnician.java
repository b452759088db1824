package io.pledge.tickets.web;

import io.pledge.core.Scope;
import io.pledge.tickets.Technician;
import io.pledge.tickets.Technicians;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The technician a signed-in person is: the MSP's staff member whose e-mail address is a technician's
 * (compared without case). Users and technicians are kept apart, and the address is what they share.
 */
@Component
class SignedInTechnician {

    private final Technicians technicians;

    SignedInTechnician(Technicians technicians) {
        this.technicians = technicians;
    }

    Optional<Technician> of(Authentication caller, Scope scope) {
        if (caller == null || !scope.seesInternalText()) {
            return Optional.empty();
        }
        String email = caller.getName();
        return technicians.all().stream()
                .filter(technician ->
                        technician.email() != null && technician.email().equalsIgnoreCase(email))
                .findFirst();
    }
}
