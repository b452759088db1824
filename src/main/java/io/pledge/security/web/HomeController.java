package io.pledge.security.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** The page a person lands on after signing in: who they are, where the API is, and signing out. */
@RestController
@Hidden
class HomeController {

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    String home(Authentication caller, HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String role = caller.getAuthorities().stream()
                .map(authority -> authority.getAuthority().replaceFirst("^ROLE_", ""))
                .findFirst()
                .orElse("");
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Pledge</title></head>
                <body>
                <h1>Pledge</h1>
                <p>Signed in as <strong id="user">%s</strong> (<span id="role">%s</span>).</p>
                <p>The API: <a href="/swagger-ui.html">Swagger UI</a>, <a href="/v3/api-docs">OpenAPI</a>.</p>
                <form method="post" action="/logout">
                <input type="hidden" name="%s" value="%s">
                <button type="submit" id="sign-out">Sign out</button>
                </form>
                </body></html>
                """.formatted(
                        HtmlUtils.htmlEscape(caller.getName()),
                        HtmlUtils.htmlEscape(role),
                        HtmlUtils.htmlEscape(csrf.getParameterName()),
                        HtmlUtils.htmlEscape(csrf.getToken()));
    }
}
