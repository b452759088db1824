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

    public static final URI METHOD_NOT_ALLOWED = URI.create("urn:pledge:problem:method-not-allowed");
    public static final URI NOT_ACCEPTABLE = URI.create("urn:pledge:problem:not-acceptable");
    public static final URI PAYLOAD_TOO_LARGE = URI.create("urn:pledge:problem:payload-too-large");
    public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create("urn:pledge:problem:unsupported-media-type");
    public static final URI TOO_MANY_REQUESTS = URI.create("urn:pledge:problem:too-many-requests");
    public static final URI INTERNAL_ERROR = URI.create("urn:pledge:problem:internal-error");
    /** Any other status, named by its code: {@code urn:pledge:problem:http-<status>}. */
    public static final String OTHER_PREFIX = "urn:pledge:problem:http-";

    private Problems() {}

    /**
     * The problem type of an answer with this status when nothing more specific is known (a rejection
     * by the servlet container, the security firewall or Spring MVC itself).
     */
    public static URI typeFor(int status) {
        return switch (status) {
            case 400 -> INVALID_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> UNPROCESSABLE;
            case 429 -> TOO_MANY_REQUESTS;
            case 500 -> INTERNAL_ERROR;
            default -> URI.create(OTHER_PREFIX + status);
        };
    }

    /** Whether a problem still has the default type ({@code about:blank} or none), to be given one. */
    static boolean untyped(ProblemDetail problem) {
        return problem.getType() == null
                || "about:blank".equals(problem.getType().toString());
    }

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
                "the database is out of reach (or too busy to give a connection in time): nothing was stored;"
                        + " send the request again in "
                        + DATABASE_RETRY_AFTER_SECONDS + " s");
    }

    public static ProblemDetail withViolations(
            HttpStatus status, URI type, String title, String detail, List<Violation> violations) {
        ProblemDetail problem = of(status, type, title, detail);
        problem.setProperty("errors", violations);
        return problem;
    }
}
