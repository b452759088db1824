package io.pledge.core.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Whether an answer goes to a person's browser (an HTML page in the shell) or to a program (a problem
 * document): a page's address, asked for as HTML. The API ({@code /api/**}), Actuator, the OpenAPI
 * document, and any request that accepts JSON or a problem document keep problem details; so does a
 * request that names no type ({@code *}{@code /*}, as curl and scripts send).
 */
public final class Browsers {

    private static final List<String> MACHINE_PATHS = List.of("/api/", "/actuator/", "/v3/");

    private Browsers() {}

    /** True when {@code path} (the address without the context path) is a page and HTML is asked for. */
    public static boolean wantsPage(HttpServletRequest request, String path) {
        if (path == null || MACHINE_PATHS.stream().anyMatch(path::startsWith)) {
            return false;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(request.getHeader("Accept"));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        boolean html = false;
        for (MediaType type : accepted) {
            String subtype = type.getSubtype();
            if (type.getType().equals("application") && (subtype.equals("json") || subtype.endsWith("+json"))) {
                return false;
            }
            html |= type.getType().equals("text") && subtype.equals("html");
        }
        return html;
    }

    /** The address a request was made to, without the context path. */
    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
