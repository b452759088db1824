package io.pledge.security.web;

import io.pledge.security.ApiToken;
import io.pledge.security.ApiTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} against the stored token hashes. A bearer token
 * that is unknown, revoked or expired ends the request with 401; it never falls through to another
 * scheme. Webhook ingest ({@code /api/v1/ingest/**}) is left to its own credentials.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final AuthenticationEntryPoint entryPoint;
    private final Clock clock;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiTokenAuthenticationFilter(ApiTokens tokens, AuthenticationEntryPoint entryPoint, Clock clock) {
        this.tokens = tokens;
        this.entryPoint = entryPoint;
        this.clock = clock;
    }

    /**
     * Webhook ingest authenticates each request by its own credential (a source's HMAC signature, a
     * heartbeat token, an external monitor's bearer secret), never by an API token.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI()
                .substring(request.getContextPath().length())
                .startsWith("/api/v1/ingest/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        String secret = header.substring(BEARER.length()).strip();
        Optional<ApiToken> token = secret.isEmpty() ? Optional.empty() : tokens.authenticate(secret, clock.instant());
        if (token.isEmpty()) {
            contexts.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("unknown, revoked or expired token"));
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new TokenAuthentication(token.get()));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }

    /** An authenticated API token; its name in records is {@code token:<name>}. */
    static final class TokenAuthentication extends AbstractAuthenticationToken {

        private final ApiToken token;

        TokenAuthentication(ApiToken token) {
            super(List.of(new SimpleGrantedAuthority("ROLE_" + token.role().name())));
            this.token = token;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return token;
        }

        @Override
        public String getName() {
            return "token:" + token.name();
        }
    }
}
