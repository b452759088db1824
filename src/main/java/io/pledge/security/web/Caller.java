package io.pledge.security.web;

import io.pledge.security.ApiToken;
import io.pledge.security.Role;
import java.util.UUID;
import org.springframework.security.core.Authentication;

/** Who is calling: a role, and for a CLIENT caller the client it acts for (null when it has none). */
record Caller(Role role, UUID clientId) {

    static Caller of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return null;
        }
        if (authentication.getPrincipal() instanceof ApiToken token) {
            return new Caller(token.role(), token.clientId());
        }
        UUID client = authentication.getPrincipal() instanceof PledgeUserDetails user ? user.clientId() : null;
        // A user signed in with its password; the anonymous caller of a public operation has no role of
        // Pledge's.
        for (Role role : Role.values()) {
            for (var authority : authentication.getAuthorities()) {
                if (("ROLE_" + role.name()).equals(authority.getAuthority())) {
                    return new Caller(role, client);
                }
            }
        }
        return null;
    }
}
