package io.pledge.core.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page of the whole application: whatever reached it (a rejection by the security firewall,
 * a {@code sendError}, an exception no handler took), the answer is a problem document, never Spring
 * Boot's default error JSON or an HTML page.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping(
            value = "/error",
            produces = {})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer given ? given : 500;
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        int malformed = failure == null ? 0 : MalformedRequests.statusOf(failure);
        if (malformed != 0) {
            status = malformed;
        }
        if (status < 400) {
            status = 500;
        }
        HttpStatus known = HttpStatus.resolve(status);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(Problems.typeFor(status));
        problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        problem.setDetail(detail(status));
        URI instance = instance(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        if (instance != null) {
            problem.setInstance(instance);
        }
        if (status >= 500 && failure != null) {
            log.error("Request failed: {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), failure);
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "the request is malformed: its path, query, headers or body cannot be read";
            case 401 -> "authentication required: an API token (Authorization: Bearer …) or a user's credentials";
            case 403 -> "the request is not allowed";
            case 404 -> "no such resource";
            case 405 -> "the resource does not support this method";
            case 413 -> "the request is too large";
            case 415 -> "the request's content type is not supported here";
            default -> status >= 500 ? "an unexpected error; it was logged" : "the request was refused";
        };
    }

    private static URI instance(Object path) {
        if (!(path instanceof String text) || text.length() > 2000) {
            return null;
        }
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
