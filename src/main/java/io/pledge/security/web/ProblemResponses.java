package io.pledge.security.web;

import io.pledge.core.DatabaseUnavailableException;
import io.pledge.core.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 as RFC 9457 problem documents, with the challenges a client can answer. */
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;
    private final RateLimitFilter limits;

    ProblemResponses(JsonMapper json, RateLimitFilter limits) {
        this.json = json;
        this.limits = limits;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (DatabaseUnavailableException.isOutage(e)) {
            // The password could not be checked: not a failed sign-in, an outage.
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(Problems.DATABASE_RETRY_AFTER_SECONDS));
            write(request, response, Problems.databaseUnavailable(), Problems.DATABASE_UNAVAILABLE);
            return;
        }
        String credentials = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (credentials != null && credentials.regionMatches(true, 0, "Bearer ", 0, 7)) {
            limits.signInFailed(request.getRemoteAddr()); // passwords are counted by SignIns
        }
        response.addHeader("WWW-Authenticate", "Bearer realm=\"pledge\"");
        response.addHeader("WWW-Authenticate", "Basic realm=\"pledge\"");
        write(
                request,
                response,
                Problems.of(
                        HttpStatus.UNAUTHORIZED,
                        Problems.UNAUTHORIZED,
                        "Unauthorized",
                        "authentication required: an API token (Authorization: Bearer …) or a user's credentials"),
                Problems.UNAUTHORIZED);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException) {
            forbidden(
                    request,
                    response,
                    "a call made with a signed-in session must carry its CSRF token: the XSRF-TOKEN cookie's value"
                            + " in the X-XSRF-TOKEN header");
        } else {
            forbidden(request, response, "your role does not allow this");
        }
    }

    /** 403 with the reason. */
    void forbidden(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        write(
                request,
                response,
                Problems.of(HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "Forbidden", detail),
                Problems.FORBIDDEN);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem, URI type)
            throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
