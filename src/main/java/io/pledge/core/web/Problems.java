package io.pledge.core.web;

import io.pledge.core.Violation;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The RFC 9457 problem documents Pledge answers with. Every rejection of a request names what is
 * wrong in {@code errors}: a list of {@code {"field", "message"}}.
 */
public final class Problems {

    public static final URI INVALID_REQUEST = URI.create("urn:pledge:problem:invalid-request");
    public static final URI UNPROCESSABLE = URI.create("urn:pledge:problem:unprocessable-request");
    public static final URI CONFLICT = URI.create("urn:pledge:problem:conflict");
    public static final URI NOT_FOUND = URI.create("urn:pledge:problem:not-found");
    public static final URI UNAUTHORIZED = URI.create("urn:pledge:problem:unauthorized");
    public static final URI FORBIDDEN = URI.create("urn:pledge:problem:forbidden");
    public static final URI DATABASE_UNAVAILABLE = URI.create("urn:pledge:problem:database-unavailable");

    /** How long a caller is asked to wait before sending again a request refused for lack of a database. */
    public static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    private Problems() {}

    public static ProblemDetail of(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    /** 503: the database cannot be reached; nothing was stored (send {@code Retry-After} with it). */
    public static ProblemDetail databaseUnavailable() {
        return of(
                HttpStatus.SERVICE_UNAVAILABLE,
                DATABASE_UNAVAILABLE,
                "Database unavailable",
                "the database cannot be reached: nothing was stored; send the request again in "
                        + DATABASE_RETRY_AFTER_SECONDS + " s");
    }

    public static ProblemDetail withViolations(
            HttpStatus status, URI type, String title, String detail, List<Violation> violations) {
        ProblemDetail problem = of(status, type, title, detail);
        problem.setProperty("errors", violations);
        return problem;
    }
}
