package io.pledge.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Page tests without a browser: the pages of the running application asked through MockMvc and the web
 * filter chain (access rules, CSRF), signed in with a password as a person of a role, in a language; forms
 * posted field by field. A few helpers read what a page shows by element id.
 */
public abstract class PageRequests extends DatabaseIntegrationTest {

    protected static final String PASSWORD = "pages-password-for-tests";

    @Autowired
    private WebApplicationContext context;

    protected MockMvc mvc;

    @BeforeEach
    void pages() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
    }

    /** A person of a role, created through the API; a CLIENT person acts for {@code client} (id or slug). */
    protected String createUser(String role, String client) {
        String email = unique(role.toLowerCase()) + "@msp.example";
        var created = api().post(
                        "/api/v1/users",
                        "{\"email\": \"%s\", \"password\": \"%s\", \"role\": \"%s\"%s}"
                                .formatted(
                                        email,
                                        PASSWORD,
                                        role,
                                        client == null ? "" : ", \"client\": \"" + client + "\""));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return email;
    }

    protected String createUser(String role) {
        return createUser(role, null);
    }

    /** A page as {@code email} reads it in English. */
    protected MockHttpServletResponse get(String email, String path) {
        return get(email, path, "en");
    }

    protected MockHttpServletResponse get(String email, String path, String language) {
        return perform(MockMvcRequestBuilders.get(path).header("Accept-Language", language), email);
    }

    /** A form posted with its CSRF token: {@code fields} are names and values, in turn. */
    protected MockHttpServletResponse post(String email, String path, String... fields) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path)
                .header("Accept-Language", "en")
                .with(csrf());
        for (int i = 0; i + 1 < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return perform(request, email);
    }

    /** A form posted as {@link #post}, with what it leaves for the next page (flash attributes). */
    protected MvcResult postForResult(String email, String path, String... fields) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path)
                .header("Accept-Language", "en")
                .with(csrf());
        for (int i = 0; i + 1 < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        try {
            return mvc.perform(request.with(httpBasic(email, PASSWORD))).andReturn();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The page a form led to, with what the form left for it. */
    protected MockHttpServletResponse getAfter(String email, MvcResult posted) {
        return perform(
                MockMvcRequestBuilders.get(posted.getResponse().getRedirectedUrl())
                        .header("Accept-Language", "en")
                        .flashAttrs(posted.getFlashMap()),
                email);
    }

    /** A form posted without the CSRF token a page would have given it. */
    protected MockHttpServletResponse postWithoutCsrf(String email, String path, String... fields) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return perform(request, email);
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, String email) {
        try {
            return mvc.perform(request.with(httpBasic(email, PASSWORD)))
                    .andReturn()
                    .getResponse();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String html(MockHttpServletResponse response) {
        try {
            return response.getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The errors shown under a field, checked to be tied to it: the field is marked invalid and described
     * by the list of its errors.
     */
    protected static String errorsOf(String html, String id) {
        String field = tag(html, id);
        assertThat(field).as("the field " + id).isNotNull();
        assertThat(field).as("field " + id).contains("aria-invalid=\"true\"");
        assertThat(field)
                .as("field " + id)
                .containsPattern("aria-describedby=\"[^\"]*" + Pattern.quote(id + "-errors"));
        String errors = element(html, id + "-errors");
        assertThat(errors).as("errors of " + id).isNotNull();
        return errors;
    }

    /** The opening tag of the element of an id, or null. */
    protected static String tag(String html, String id) {
        Matcher m = Pattern.compile("<[a-z]+[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>")
                .matcher(html);
        return m.find() ? m.group() : null;
    }

    /** The text of the element of an id (tags removed, spaces collapsed), or null. */
    protected static String element(String html, String id) {
        Matcher m = Pattern.compile("<([a-z0-9]+)[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>")
                .matcher(html);
        if (!m.find()) {
            return null;
        }
        String name = m.group(1);
        int depth = 1;
        int at = m.end();
        Matcher tags = Pattern.compile("<(/?)" + name + "(\\s[^>]*)?>").matcher(html);
        while (tags.find(at)) {
            depth += tags.group(1).isEmpty() ? 1 : -1;
            at = tags.end();
            if (depth == 0) {
                return text(html.substring(m.end(), tags.start()));
            }
        }
        return text(html.substring(m.end()));
    }

    /** The text of the table row with {@code data-<attribute>="value"}, or null. */
    protected static String row(String html, String attribute, String value) {
        Matcher m = Pattern.compile(
                        "<tr[^>]*data-" + attribute + "=\"" + Pattern.quote(value) + "\"[^>]*>(.*?)</tr>",
                        Pattern.DOTALL)
                .matcher(html);
        return m.find() ? text(m.group(1)) : null;
    }

    /** The opening tag of the table row with {@code data-<attribute>="value"}, or null. */
    protected static String rowTag(String html, String attribute, String value) {
        Matcher m = Pattern.compile("<tr[^>]*data-" + attribute + "=\"" + Pattern.quote(value) + "\"[^>]*>")
                .matcher(html);
        return m.find() ? m.group() : null;
    }

    private static String text(String fragment) {
        return org.springframework.web.util.HtmlUtils.htmlUnescape(fragment.replaceAll("<[^>]+>", " "))
                .replace('\u00a0', ' ')
                .replaceAll("\\s+", " ")
                .strip();
    }
}
