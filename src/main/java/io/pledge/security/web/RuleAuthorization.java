package io.pledge.security.web;

import io.pledge.core.ClientOwned;
import io.pledge.security.Role;
import io.pledge.security.web.AccessRules.ClientScope;
import io.pledge.security.web.AccessRules.Rule;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Decides one {@link Rule}: the caller's role must be among the rule's; a CLIENT caller must act for a
 * client, and an object a path names must be that client's. Another client's object, or one that does
 * not exist, is refused as hidden: the answer is 404, so that its existence is not revealed.
 */
final class RuleAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    /** Request attribute: the kind and key of a hidden object (the refusal becomes a 404). */
    static final String HIDDEN = RuleAuthorization.class.getName() + ".hidden";

    /** Request attribute: the rule that let a CLIENT caller in, for {@link ClientScopeFilter}. */
    static final String CLIENT_RULE = RuleAuthorization.class.getName() + ".rule";

    private final Rule rule;
    private final Map<String, ClientOwned> owners;

    RuleAuthorization(Rule rule, Map<String, ClientOwned> owners) {
        this.rule = rule;
        this.owners = owners;
        if (rule.collection() != null && !owners.containsKey(rule.collection())) {
            throw new IllegalStateException("no owner lookup for " + rule.collection() + " in " + rule);
        }
    }

    /** The kind of object a collection holds, as the controllers name it: {@code tickets} → {@code ticket}. */
    static String kind(String collection) {
        return collection.endsWith("s") ? collection.substring(0, collection.length() - 1) : collection;
    }

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        Caller caller = Caller.of(authentication.get());
        if (caller == null || !rule.roles().contains(caller.role())) {
            return new AuthorizationDecision(false);
        }
        if (caller.role() != Role.CLIENT) {
            return new AuthorizationDecision(true);
        }
        if (caller.clientId() == null || rule.scope() == ClientScope.NONE) {
            return new AuthorizationDecision(false);
        }
        if (rule.scope() == ClientScope.OWN_PATH || rule.scope() == ClientScope.OWN_PATH_REPLY) {
            String key = context.getVariables().get(rule.variable());
            Optional<UUID> owner = key == null
                    ? Optional.empty()
                    : owners.get(rule.collection()).ownerOf(key);
            if (owner.isEmpty() || !owner.get().equals(caller.clientId())) {
                context.getRequest().setAttribute(HIDDEN, new String[] {kind(rule.collection()), key});
                return new AuthorizationDecision(false);
            }
        }
        context.getRequest().setAttribute(CLIENT_RULE, rule);
        return new AuthorizationDecision(true);
    }
}
