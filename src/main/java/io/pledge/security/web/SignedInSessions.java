package io.pledge.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Lets {@code /api/**} accept the session of a person signed in through the form, read-only: an API call
 * never creates a session nor writes into one (a token or a password sent with a call stays that call's).
 * The user's role and client are read again on every call, as for HTTP Basic, so that a role changed or
 * a user removed since the sign-in takes effect at once.
 */
final class SignedInSessions implements SecurityContextRepository {

    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final UserDetailsService users;

    SignedInSessions(UserDetailsService users) {
        this.users = users;
        sessions.setAllowSessionCreation(false);
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        DeferredSecurityContext stored = sessions.loadDeferredContext(request);
        return new DeferredSecurityContext() {
            private SecurityContext current;

            @Override
            public SecurityContext get() {
                if (current == null) {
                    current = current(stored.get());
                }
                return current;
            }

            @Override
            public boolean isGenerated() {
                return stored.isGenerated();
            }
        };
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return loadDeferredContext(holder.getRequest()).get();
    }

    /** Never: the session belongs to the sign-in form. */
    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {}

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return sessions.containsContext(request);
    }

    private SecurityContext current(SecurityContext stored) {
        Authentication signedIn = stored.getAuthentication();
        if (signedIn == null || !(signedIn.getPrincipal() instanceof PledgeUserDetails)) {
            return stored;
        }
        UserDetails user;
        try {
            user = users.loadUserByUsername(signedIn.getName());
        } catch (UsernameNotFoundException gone) {
            return new SecurityContextImpl();
        }
        return new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
