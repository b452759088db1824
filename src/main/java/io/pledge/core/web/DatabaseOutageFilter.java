package io.pledge.core.web;

import io.pledge.core.DatabaseUnavailableException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers 503 with {@code Retry-After} when a request fails because the database cannot be reached,
 * wherever it fails: authenticating a token or a password, in a filter's transaction, in a controller.
 * It wraps everything but the rate limits, so that a sender can tell an outage from a defect.
 */
@Component
@ConditionalOnWebApplication
@Order(-190) // after the rate limits (-200), before Spring Security (-100)
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private static final long WARN_EVERY_NANOS = 10_000_000_000L;

    private final JsonMapper json;
    private volatile long lastWarned = System.nanoTime() - WARN_EVERY_NANOS;

    DatabaseOutageFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseUnavailableException.isOutage(e) || response.isCommitted()) {
                throw e;
            }
            long now = System.nanoTime();
            if (now - lastWarned > WARN_EVERY_NANOS) { // not once per request through an outage
                lastWarned = now;
                log.warn("Answering 503: the database cannot be reached ({})", rootCause(e));
            }
            response.resetBuffer();
            ProblemDetail problem = Problems.databaseUnavailable();
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setStatus(problem.getStatus());
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(Problems.DATABASE_RETRY_AFTER_SECONDS));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
        }
    }

    static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
