package io.pledge.security.web;

import io.pledge.audit.AuditLog;
import io.pledge.security.User;
import io.pledge.security.Users;
import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureServiceExceptionEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed sign-ins per address (for the rate limit) and per account (locking it as {@link Users#signInFailed} says) and audits them,
 * with each lock and each sign-in to the web pages, in Pledge's chain. A password accepted on an API
 * call (HTTP Basic) clears the failures but is not a sign-in of its own: auditing every such call would
 * bury the sign-ins.
 */
@Component
@ConditionalOnWebApplication
class SignIns {

    private final Users users;
    private final RateLimitFilter limits;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SignIns(Users users, RateLimitFilter limits, AuditLog audit, TransactionTemplate transactions, Clock clock) {
        this.users = users;
        this.limits = limits;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        if (event instanceof AuthenticationFailureServiceExceptionEvent) {
            return; // the password could not be checked (the database is out of reach): nobody failed
        }
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            limits.signInFailed(details.getRemoteAddress());
        }
        if (!(event.getAuthentication().getPrincipal() instanceof String email)) {
            return;
        }
        if (event.getException() instanceof LockedException) {
            // Refused while locked, whatever the password: not counted, so that nobody can keep another's
            // account locked by trying on.
            transactions.executeWithoutResult(status -> users.findByEmail(email)
                    .ifPresent(user -> audit.append(
                            change("sign-in.refused", user, "reason=locked until " + user.lockedUntil()))));
            return;
        }
        transactions.executeWithoutResult(status -> {
            Optional<User> user = users.signInFailed(email, clock.instant());
            if (user.isEmpty()) {
                return; // no such account: the address's own limit applies (RateLimitFilter)
            }
            String reason = event.getException().getClass().getSimpleName();
            audit.append(change(
                    "sign-in.failed",
                    user.get(),
                    "reason=" + reason + ";failures=" + user.get().failedSignIns()));
            if (user.get().isLockedAt(clock.instant())) {
                audit.append(change(
                        "account.locked", user.get(), "until=" + user.get().lockedUntil()));
            }
        });
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof PledgeUserDetails user && user.failedSignIns() > 0) {
            transactions.executeWithoutResult(status -> users.signedIn(user.getUsername()));
        }
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof PledgeUserDetails user) {
            transactions.executeWithoutResult(status -> users.findByEmail(user.getUsername())
                    .ifPresent(found -> audit.append(change("sign-in", found, "via=web"))));
        }
    }

    private static AuditLog.Change change(String action, User user, String details) {
        return new AuditLog.Change(AuditLog.PLEDGE_CHAIN, user.email(), action, "user:" + user.id(), details);
    }
}
