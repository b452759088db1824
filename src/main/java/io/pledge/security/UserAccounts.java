package io.pledge.security;

import io.pledge.audit.AuditLog;
import io.pledge.clients.Clients;
import io.pledge.core.ConflictException;
import io.pledge.core.NotFoundException;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violations;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People who sign in, as administrators manage them: created, given a role (and a client for CLIENT
 * users), unlocked; each change audited in the transaction that makes it, on the Pledge chain.
 */
@Service
@Transactional
public class UserAccounts {

    private final Users users;
    private final Clients clients;
    private final PasswordEncoder passwords;
    private final AuditLog audit;

    UserAccounts(Users users, Clients clients, PasswordEncoder passwords, AuditLog audit) {
        this.users = users;
        this.clients = clients;
        this.passwords = passwords;
        this.audit = audit;
    }

    /** Creates a user; a conflict on {@code email} when another user has that address. */
    public User create(UserDocument document, String actor) {
        Violations violations = new Violations();
        String email = violations.text("email", document.email(), 320);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
            violations.add("email", "is not an email address");
        }
        PasswordRules.problems(document.password(), email).forEach(problem -> violations.add("password", problem));
        Role role = role(document.role(), document.client(), violations);
        violations.throwIfAny();
        UUID client = client(role, document.client());
        User user;
        try {
            user = users.add(email, passwords.encode(document.password()), role, client);
        } catch (DuplicateKeyException taken) {
            throw new ConflictException("email", "a user with email " + email + " exists already");
        }
        audit.append(
                new AuditLog.Change(AuditLog.PLEDGE_CHAIN, actor, "user.created", "user:" + user.id(), describe(user)));
        return user;
    }

    @Transactional(readOnly = true)
    public List<User> all() {
        return users.all();
    }

    /** Gives a user another role, and for a CLIENT user the client it acts for (an id or a slug). */
    /** One user, by id. */
    @Transactional(readOnly = true)
    public Optional<User> find(UUID id) {
        return users.find(id);
    }

    public User changeRole(UUID id, String roleName, String clientReference, String actor) {
        Violations violations = new Violations();
        Role role = role(roleName, clientReference, violations);
        violations.throwIfAny();
        User before = users.find(id).orElseThrow(() -> new NotFoundException("user", id));
        User after = users.changeRole(id, role, client(role, clientReference)).orElseThrow();
        audit.append(new AuditLog.Change(
                AuditLog.PLEDGE_CHAIN,
                actor,
                "user.role-changed",
                "user:" + id,
                "from=" + before.role() + (before.clientId() == null ? "" : "/" + before.clientId()) + ";to="
                        + describe(after)));
        return after;
    }

    /**
     * A person changes its own password: the current one must match, the new one follow {@link
     * PasswordRules} and differ from it, and the confirmation repeat it. Violations name {@code
     * currentPassword}, {@code newPassword} and {@code confirmation}.
     */
    public User changePassword(String email, String current, String replacement, String confirmation) {
        User user = users.findByEmail(email).orElseThrow(() -> new NotFoundException("user", email));
        Violations violations = new Violations();
        if (current == null || current.isEmpty() || !passwords.matches(current, user.passwordHash())) {
            violations.add("currentPassword", "is not your current password");
        }
        List<String> problems = PasswordRules.problems(replacement, user.email());
        problems.forEach(problem -> violations.add("newPassword", problem));
        if (problems.isEmpty() && replacement.equals(current)) {
            violations.add("newPassword", "must differ from the current password");
        }
        if (replacement != null && !replacement.equals(confirmation)) {
            violations.add("confirmation", "does not repeat the new password");
        }
        violations.throwIfAny();
        User changed =
                users.changePassword(user.id(), passwords.encode(replacement)).orElseThrow();
        audit.append(new AuditLog.Change(
                AuditLog.PLEDGE_CHAIN, user.email(), "user.password-changed", "user:" + user.id(), null));
        return changed;
    }

    /** Lifts the lock that repeated failed sign-ins put on an account. */
    public User unlock(UUID id, String actor) {
        users.find(id).orElseThrow(() -> new NotFoundException("user", id));
        User user = users.unlock(id).orElseThrow();
        audit.append(new AuditLog.Change(AuditLog.PLEDGE_CHAIN, actor, "user.unlocked", "user:" + id, null));
        return user;
    }

    /** The role named, checked against the client given: a CLIENT user needs one, no other may have one. */
    private static Role role(String text, String client, Violations violations) {
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
}
