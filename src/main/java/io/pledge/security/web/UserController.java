package io.pledge.security.web;

import io.pledge.audit.AuditLog;
import io.pledge.clients.Clients;
import io.pledge.core.ConflictException;
import io.pledge.core.NotFoundException;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violations;
import io.pledge.security.PasswordRules;
import io.pledge.security.Role;
import io.pledge.security.User;
import io.pledge.security.Users;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
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

    private final Users users;
    private final Clients clients;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;

    UserController(Users users, Clients clients, PasswordEncoder passwords, AuditLog audit, Clock clock) {
        this.users = users;
        this.clients = clients;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    @PostMapping("/api/v1/users")
    @Operation(summary = "Create a user: email, password (12+ characters, not common), role, client for CLIENT")
    @Transactional
    ResponseEntity<UserView> create(@RequestBody UserRequest request, Authentication caller) {
        Violations violations = new Violations();
        String email = violations.text("email", request.email(), 320);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
            violations.add("email", "is not an email address");
        }
        PasswordRules.problems(request.password(), email).forEach(problem -> violations.add("password", problem));
        Role role = role(request.role(), request.client(), violations);
        violations.throwIfAny();
        UUID client = client(role, request.client());
        User user;
        try {
            user = users.add(email, passwords.encode(request.password()), role, client);
        } catch (DuplicateKeyException taken) {
            throw new ConflictException("email", "a user with email " + email + " exists already");
        }
        audit.append(new AuditLog.Change(
                AuditLog.PLEDGE_CHAIN, caller.getName(), "user.created", "user:" + user.id(), describe(user)));
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(UserView.of(user, now()));
    }

    @GetMapping("/api/v1/users")
    @Operation(summary = "List users (never their password hashes)")
    List<UserView> list() {
        Instant now = now();
        return users.all().stream().map(user -> UserView.of(user, now)).toList();
    }

    @PutMapping("/api/v1/users/{id}")
    @Operation(summary = "Change a user's role (and client, for CLIENT users)")
    @Transactional
    UserView changeRole(@PathVariable UUID id, @RequestBody RoleRequest request, Authentication caller) {
        Violations violations = new Violations();
        Role role = role(request.role(), request.client(), violations);
        violations.throwIfAny();
        User before = users.find(id).orElseThrow(() -> new NotFoundException("user", id));
        User after = users.changeRole(id, role, client(role, request.client())).orElseThrow();
        audit.append(new AuditLog.Change(
                AuditLog.PLEDGE_CHAIN,
                caller.getName(),
                "user.role-changed",
                "user:" + id,
                "from=" + before.role() + (before.clientId() == null ? "" : "/" + before.clientId()) + ";to="
                        + describe(after)));
        return UserView.of(after, now());
    }

    @PostMapping("/api/v1/users/{id}/unlock")
    @Operation(summary = "Lift the lock that repeated failed sign-ins put on an account")
    @Transactional
    UserView unlock(@PathVariable UUID id, Authentication caller) {
        users.find(id).orElseThrow(() -> new NotFoundException("user", id));
        User user = users.unlock(id).orElseThrow();
        audit.append(new AuditLog.Change(AuditLog.PLEDGE_CHAIN, caller.getName(), "user.unlocked", "user:" + id, null));
        return UserView.of(user, now());
    }

    private Role role(String text, String client, Violations violations) {
        Role role = violations.parse(
                "role",
                text,
                "role (ADMIN, MANAGER, TECHNICIAN or CLIENT)",
                value -> Role.valueOf(value.strip().toUpperCase(Locale.ROOT)));
        if (role == Role.CLIENT && client == null) {
            violations.add("client", "is required for a CLIENT user: the client it acts for (id or slug)");
        } else if (role != null && role != Role.CLIENT && client != null) {
            violations.add("client", "is only for CLIENT users");
        }
        return role;
    }

    private UUID client(Role role, String reference) {
        if (role != Role.CLIENT) {
            return null;
        }
        return clients.findByReference(reference)
                .map(found -> found.id().value())
                .orElseThrow(() -> new UnprocessableException("client", "unknown client \"" + reference + "\""));
    }

    private static String describe(User user) {
        return user.role() + (user.clientId() == null ? "" : "/" + user.clientId()) + ";email=" + user.email();
    }

    private Instant now() {
        return clock.instant();
    }

    record UserRequest(String email, String password, String role, String client) {}

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
