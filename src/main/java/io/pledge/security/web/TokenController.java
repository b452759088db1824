package io.pledge.security.web;

import io.pledge.clients.Clients;
import io.pledge.core.Instants;
import io.pledge.core.NotFoundException;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violations;
import io.pledge.security.ApiToken;
import io.pledge.security.ApiTokens;
import io.pledge.security.IssuedToken;
import io.pledge.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens", description = "Tokens for integrations: the secret is shown once, at creation")
class TokenController {

    private final ApiTokens tokens;
    private final Clients clients;
    private final Clock clock;

    TokenController(ApiTokens tokens, Clients clients, Clock clock) {
        this.tokens = tokens;
        this.clients = clients;
        this.clock = clock;
    }

    @PostMapping
    @Operation(
            summary = "Create a token: a role (the caller's by default) and, for a CLIENT token, the client it"
                    + " acts for; the response holds the secret, once")
    ResponseEntity<IssuedTokenView> create(@RequestBody TokenRequest request, Authentication caller) {
        Violations violations = new Violations();
        String name = violations.text("name", request.name(), 200);
        Instant expiresAt = violations.parseOptional("expiresAt", request.expiresAt(), Instants.WHAT, Instants::parse);
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            violations.add("expiresAt", "must be in the future, got " + request.expiresAt());
        }
        Role role = request.role() == null
                ? roleOf(caller)
                : violations.parse(
                        "role",
                        request.role(),
                        "role (ADMIN, MANAGER, TECHNICIAN or CLIENT)",
                        text -> Role.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT)));
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
        IssuedToken issued = tokens.issue(name, role, client, caller.getName(), expiresAt);
        return ResponseEntity.created(
                        URI.create("/api/v1/tokens/" + issued.token().id()))
                .body(new IssuedTokenView(TokenView.of(issued.token(), clock.instant()), issued.secret()));
    }

    @GetMapping
    @Operation(summary = "List tokens (never their secrets)")
    List<TokenView> list() {
        Instant now = clock.instant();
        return tokens.all().stream().map(token -> TokenView.of(token, now)).toList();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a token: it stops working at once")
    void revoke(@PathVariable UUID id) {
        tokens.revoke(id, clock.instant()).orElseThrow(() -> new NotFoundException("token", id));
    }

    private static Role roleOf(Authentication caller) {
        return caller.getAuthorities().stream()
                .map(authority -> authority.getAuthority().replaceFirst("^ROLE_", ""))
                .map(Role::valueOf)
                .findFirst()
                .orElseThrow();
    }

    /**
     * A token to create: a name saying what uses it, an optional expiry instant, an optional role (the
     * caller's by default), and for a CLIENT token the client it acts for (id or slug).
     */
    record TokenRequest(String name, String expiresAt, String role, String client) {}

    record TokenView(
            UUID id,
            String name,
            String prefix,
            Role role,
            UUID clientId,
            String createdBy,
            Instant createdAt,
            Instant expiresAt,
            Instant lastUsedAt,
            Instant revokedAt,
            boolean active) {

        static TokenView of(ApiToken token, Instant now) {
            return new TokenView(
                    token.id(),
                    token.name(),
                    token.prefix(),
                    token.role(),
                    token.clientId(),
                    token.createdBy(),
                    token.createdAt(),
                    token.expiresAt(),
                    token.lastUsedAt(),
                    token.revokedAt(),
                    token.isActiveAt(now));
        }
    }

    record IssuedTokenView(TokenView token, String secret) {}
}
