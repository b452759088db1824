package io.pledge.core.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * The error page of the whole application: whatever reached it (a rejection by the security firewall,
 * a {@code sendError}, an exception no handler took), the answer is a problem document, never Spring
 * Boot's default error JSON; except to a browser asking for a page ({@link Browsers#wantsPage}), which gets
 * an HTML page in the shell, in its language, with the same status and no detail of the failure.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);
    /** The statuses the error page has texts of its own for; any other shows the general one. */
    private static final Set<Integer> EXPLAINED = Set.of(400, 403, 404, 405, 409, 422, 500);

    private final JsonMapper json;

    ProblemErrorController(JsonMapper json) {
        this.json = json;
    }

    /** A browser's page: HTML in the shell; any other request asking for HTML still gets the problem. */
    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ResponseEntity<ProblemDetail> problem = error(request);
        int status = problem.getStatusCode().value();
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String page = path instanceof String text
                ? text.substring(request.getContextPath().length())
                : null;
        if (!Browsers.wantsPage(request, page)) {
            response.setStatus(status);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem.getBody());
            return null;
        }
        String key = "error." + (EXPLAINED.contains(status) ? status : status >= 500 ? 500 : "other");
        ModelAndView answer = new ModelAndView("error-page", HttpStatusCode.valueOf(status));
        answer.addObject("status", status);
        answer.addObject("titleKey", key + ".title");
        answer.addObject("detailKey", key + ".detail");
        answer.addObject("currentPath", page);
        return answer;
    }

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
