package io.pledge.core.web;

import io.pledge.core.ConflictException;
import io.pledge.core.DatabaseUnavailableException;
import io.pledge.core.ForbiddenException;
import io.pledge.core.InvalidRequestException;
import io.pledge.core.NotFoundException;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violation;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;

/** Turns every rejection into an RFC 9457 problem document that names the offending fields. */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler
    ProblemDetail invalid(InvalidRequestException e) {
        return Problems.withViolations(
                HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, "Invalid request", e.getMessage(), e.violations());
    }

    @ExceptionHandler
    ProblemDetail unprocessable(UnprocessableException e) {
        return Problems.withViolations(
                HttpStatus.UNPROCESSABLE_CONTENT,
                Problems.UNPROCESSABLE,
                "Unprocessable request",
                e.getMessage(),
                e.violations());
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail forbidden(ForbiddenException e) {
        return Problems.of(HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(ConflictException e) {
        return Problems.withViolations(
                HttpStatus.CONFLICT,
                Problems.CONFLICT,
                "Conflict",
                e.getMessage(),
                List.of(new Violation(e.field(), e.getMessage())));
    }

    /** A constraint the checks before it missed, typically a concurrent change: nothing was stored. */
    @ExceptionHandler
    ProblemDetail integrity(DataIntegrityViolationException e) {
        log.info(
                "Request rejected by a database constraint: {}",
                e.getMostSpecificCause().getMessage());
        return Problems.of(
                HttpStatus.CONFLICT,
                Problems.CONFLICT,
                "Conflict",
                "the request conflicts with existing data (a concurrent change or a reference still in use)");
    }

    /**
     * The database cannot be reached: 503 with {@code Retry-After} (other failures of the database go on
     * to the default handling). {@code DatabaseOutageFilter} does the same outside the controllers.
     */
    @ExceptionHandler({DatabaseUnavailableException.class, DataAccessException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException e) {
        if (!DatabaseUnavailableException.isOutage(e)) {
            throw e;
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(Problems.DATABASE_RETRY_AFTER_SECONDS))
                .body(Problems.databaseUnavailable());
    }

    /**
     * A multipart body that cannot be parsed (no boundary, truncated) on any operation: the client's
     * fault. Too large a body keeps its own answer (413).
     */
    @ExceptionHandler
    ProblemDetail unreadableMultipart(MultipartException e) {
        return Problems.withViolations(
                HttpStatus.BAD_REQUEST,
                Problems.INVALID_REQUEST,
                "Invalid request",
                "body: not a readable multipart/form-data body",
                List.of(new Violation("body", MalformedRequests.multipartMessage(e))));
    }

    /** A query or form value the container cannot decode (invalid UTF-8, a broken %-escape). */
    @ExceptionHandler
    ProblemDetail undecodableParameter(InvalidParameterException e) {
        return Problems.withViolations(
                HttpStatus.BAD_REQUEST,
                Problems.INVALID_REQUEST,
                "Invalid request",
                "a query or form value is not well-formed UTF-8 text",
                List.of(new Violation("query", "a value is not well-formed UTF-8 or has a broken %-escape")));
    }

    /** Every answer of Spring MVC's own exceptions (404, 405, 413, 415, ...) gets a Pledge problem type. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && Problems.untyped(problem)) {
            problem.setType(Problems.typeFor(statusCode.value()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Violation violation = describe(e);
        ProblemDetail problem = Problems.withViolations(
                HttpStatus.BAD_REQUEST,
                Problems.INVALID_REQUEST,
                "Invalid request",
                violation.field() + ": " + violation.message(),
                List.of(violation));
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String required =
                e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
        Violation violation =
                new Violation(String.valueOf(field), "invalid " + required.toLowerCase() + " \"" + e.getValue() + "\"");
        ProblemDetail problem = Problems.withViolations(
                HttpStatus.BAD_REQUEST,
                Problems.INVALID_REQUEST,
                "Invalid request",
                violation.field() + ": " + violation.message(),
                List.of(violation));
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static Violation describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof StreamReadException syntax) {
            TokenStreamLocation at = syntax.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return new Violation("body", "malformed JSON" + where + ": " + syntax.getOriginalMessage());
        }
        if (cause instanceof JacksonException mapping && !mapping.getPath().isEmpty()) {
            return JsonViolations.of(mapping, "");
        }
        return new Violation("body", "a JSON document is required");
    }
}
