package io.pledge.security.web;

import io.pledge.security.Role;
import io.pledge.security.User;
import io.pledge.security.UserAccounts;
import io.pledge.security.UserDocument;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** People who sign in: created, given a role (and a client for CLIENT users), unlocked; all audited. */
@RestController
@Tag(name = "Users", description = "People who sign in with a password; their roles")
class UserController {

    private final UserAccounts accounts;
    private final Clock clock;

    UserController(UserAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @PostMapping("/api/v1/users")
    @Operation(summary = "Create a user: email, password (12+ characters, not common), role, client for CLIENT")
    ResponseEntity<UserView> create(@RequestBody UserDocument request, Authentication caller) {
        User user = accounts.create(request, caller.getName());
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(UserView.of(user, now()));
    }

    @GetMapping("/api/v1/users")
    @Operation(summary = "List users (never their password hashes)")
    List<UserView> list() {
        Instant now = now();
        return accounts.all().stream().map(user -> UserView.of(user, now)).toList();
    }

    @PutMapping("/api/v1/users/{id}")
    @Operation(summary = "Change a user's role (and client, for CLIENT users)")
    UserView changeRole(@PathVariable UUID id, @RequestBody RoleRequest request, Authentication caller) {
        return UserView.of(accounts.changeRole(id, request.role(), request.client(), caller.getName()), now());
    }

    @PostMapping("/api/v1/users/{id}/unlock")
    @Operation(summary = "Lift the lock that repeated failed sign-ins put on an account")
    UserView unlock(@PathVariable UUID id, Authentication caller) {
        return UserView.of(accounts.unlock(id, caller.getName()), now());
    }

    private Instant now() {
        return clock.instant();
    }

    record RoleRequest(String role, String client) {}

    record UserView(
            UUID id,
            String email,
            Role role,
            UUID clientId,
            int failedSignIns,
            Instant lockedUntil,
            boolean locked,
            Instant createdAt) {

        static UserView of(User user, Instant now) {
            return new UserView(
                    user.id(),
                    user.email(),
                    user.role(),
                    user.clientId(),
                    user.failedSignIns(),
                    user.lockedUntil(),
                    user.isLockedAt(now),
                    user.createdAt());
        }
    }
}
