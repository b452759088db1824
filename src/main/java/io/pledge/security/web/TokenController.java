package io.pledge.security.web;

import io.pledge.core.NotFoundException;
import io.pledge.security.ApiToken;
import io.pledge.security.ApiTokens;
import io.pledge.security.IssuedToken;
import io.pledge.security.Role;
import io.pledge.security.TokenIssuer;
import io.pledge.security.TokenIssuer.TokenRequest;
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
    private final TokenIssuer issuer;
    private final Clock clock;

    TokenController(ApiTokens tokens, TokenIssuer issuer, Clock clock) {
        this.tokens = tokens;
        this.issuer = issuer;
        this.clock = clock;
    }

    @PostMapping
    @Operation(
            summary = "Create a token: a role (the caller's by default) and, for a CLIENT token, the client it"
                    + " acts for; the response holds the secret, once")
    ResponseEntity<IssuedTokenView> create(@RequestBody TokenRequest request, Authentication caller) {
        IssuedToken issued = issuer.issue(request, roleOf(caller), caller.getName());
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
