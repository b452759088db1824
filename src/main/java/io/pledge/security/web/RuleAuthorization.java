package io.pledge.security.web;

import io.pledge.security.Role;
import io.pledge.security.web.AccessRules.Rule;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Decides one {@link Rule}: the caller's role must be among the rule's, and a CLIENT caller must act for a
 * client. Which objects a CLIENT caller reaches is not decided here but where the data is read and
 * written, through the caller's {@link io.pledge.core.Scope}.
 */
final class RuleAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    private final Rule rule;

    RuleAuthorization(Rule rule) {
        this.rule = rule;
    }

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        Caller caller = Caller.of(authentication.get());
        boolean allowed = caller != null
                && rule.roles().contains(caller.role())
                && (caller.role() != Role.CLIENT || caller.clientId() != null);
        return new AuthorizationDecision(allowed);
    }
}
