package io.pledge.security;

import io.pledge.clients.Clients;
import io.pledge.core.Instants;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violations;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * API tokens as the API and the pages issue them: a name, an optional expiry in the future, a role (the
 * caller's by default), and for a CLIENT token the client it acts for (an id or a slug); the secret is in
 * the {@link IssuedToken} returned, and nowhere else afterwards.
 */
@Service
public class TokenIssuer {

    private final ApiTokens tokens;
    private final Clients clients;
    private final Clock clock;

    TokenIssuer(ApiTokens tokens, Clients clients, Clock clock) {
        this.tokens = tokens;
        this.clients = clients;
        this.clock = clock;
    }

    /** A token to issue, as the API takes it; {@code role} and {@code expiresAt} may be absent. */
    public record TokenRequest(String name, String expiresAt, String role, String client) {}

    /**
     * Issues a token.
     *
     * @param callerRole the role of whoever asks, the token's when the request names none
     * @throws io.pledge.core.InvalidRequestException naming every invalid field
     * @throws UnprocessableException when the client named does not exist
     */
    public IssuedToken issue(TokenRequest request, Role callerRole, String actor) {
        Violations violations = new Violations();
        String name = violations.text("name", request.name(), 200);
        Instant expiresAt = violations.parseOptional("expiresAt", request.expiresAt(), Instants.WHAT, Instants::parse);
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            violations.add("expiresAt", "must be in the future, got " + request.expiresAt());
        }
        Role role = request.role() == null
                ? callerRole
                : violations.parse(
                        "role",
                        request.role(),
                        "role (ADMIN, MANAGER, TECHNICIAN or CLIENT)",
                        text -> Role.valueOf(text.strip().toUpperCase(Locale.ROOT)));
        if (role == Role.CLIENT && request.client() == null) {
            violations.add("client", "is required for a CLIENT token: the client it acts for (id or slug)");
        } else if (role != null && role != Role.CLIENT && request.client() != null) {
            violations.add("client", "is only for CLIENT tokens");
        }
        violations.throwIfAny();
        UUID client = null;
        if (role == Role.CLIENT) {
            client = clients.findByReference(request.client())
                    .map(found -> found.id().value())
                    .orElseThrow(
                            () -> new UnprocessableException("client", "unknown client \"" + request.client() + "\""));
        }
        return tokens.issue(name, role, client, actor, expiresAt);
    }
}
