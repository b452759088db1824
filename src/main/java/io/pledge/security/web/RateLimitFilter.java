package io.pledge.security.web;

import io.pledge.core.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses with 429 and {@code Retry-After}, before any other work: webhook ingest beyond its rate per
 * source or per address, public operations and pages beyond their rate per address (a signed-in person's
 * pages aside), and any request carrying
 * credentials from an address that failed to sign in too often. Limits hold per node.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    static final URI TOO_MANY_REQUESTS = URI.create("urn:pledge:problem:too-many-requests");
    private static final String INGEST = "/api/v1/ingest/";

    private final TokenBuckets ingestBySource;
    private final TokenBuckets ingestByAddress;
    private final TokenBuckets publicByAddress;
    private final TokenBuckets failedSignIns;
    private final JsonMapper json;

    RateLimitFilter(RateLimits limits, Clock clock, JsonMapper json) {
        this.ingestBySource = new TokenBuckets(limits.ingestPerSecond(), limits.ingestBurst(), clock);
        this.ingestByAddress = new TokenBuckets(limits.ingestPerSecond(), limits.ingestBurst(), clock);
        this.publicByAddress = new TokenBuckets(limits.publicPerSecond(), limits.publicBurst(), clock);
        this.failedSignIns = new TokenBuckets(limits.failedSignInsPerMinute() / 60, limits.failedSignInsBurst(), clock);
        this.json = json;
    }

    /** Counts a failed sign-in from an address. */
    void signInFailed(String address) {
        failedSignIns.take(address);
    }

    /**
     * Whether the request belongs to a session someone signed in to: the pages of the people of an MSP's
     * office, who share one address, are not counted as anonymous visits. A session id alone is not enough:
     * only a session the server holds, with a signed-in person in it.
     */
    private static boolean signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null
                && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String address = request.getRemoteAddr();
        long wait = 0;
        if (path.startsWith(INGEST)) {
            int end = path.indexOf('/', INGEST.length());
            String source = end < 0 ? path.substring(INGEST.length()) : path.substring(INGEST.length(), end);
            wait = Math.max(ingestBySource.take(source), ingestByAddress.take(address));
        } else if (!path.startsWith("/api/") && !signedIn(request)) {
            wait = publicByAddress.take(address);
        }
        boolean credentials = request.getHeader(HttpHeaders.AUTHORIZATION) != null
                // an API call made with a signed-in session counts as one with credentials
                || (path.startsWith("/api/") && request.getRequestedSessionId() != null);
        if (wait == 0 && credentials) {
            wait = failedSignIns.wait(address);
        }
        if (wait > 0) {
            ProblemDetail problem = Problems.of(
                    HttpStatus.TOO_MANY_REQUESTS,
                    TOO_MANY_REQUESTS,
                    "Too many requests",
                    "too many requests from here; retry in " + wait + " s");
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(request, response);
    }
}
