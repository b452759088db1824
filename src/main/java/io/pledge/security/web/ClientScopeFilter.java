package io.pledge.security.web;

import io.pledge.core.ClientOwned;
import io.pledge.security.Role;
import io.pledge.security.web.AccessRules.ClientScope;
import io.pledge.security.web.AccessRules.Rule;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps a CLIENT caller's request to its own client, where {@link RuleAuthorization} let it in: a list's
 * {@code client} filter and a document's {@code client} become the caller's client (naming another
 * client answers 404), and an event a client posts can only be its own public reply. Staff requests
 * pass untouched.
 */
final class ClientScopeFilter extends OncePerRequestFilter {

    private final ClientOwned clients;
    private final JsonMapper json;
    private final ProblemResponses problems;

    ClientScopeFilter(ClientOwned clients, JsonMapper json, ProblemResponses problems) {
        this.clients = clients;
        this.json = json;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Rule rule = (Rule) request.getAttribute(RuleAuthorization.CLIENT_RULE);
        Caller caller = Caller.of(SecurityContextHolder.getContext().getAuthentication());
        if (rule == null || caller == null || caller.role() != Role.CLIENT) {
            chain.doFilter(request, response);
            return;
        }
        UUID own = caller.clientId();
        ClientScope scope = rule.scope();
        if (scope == ClientScope.OWN_LIST) {
            String asked = request.getParameter("client");
            if (asked != null && !isOwn(asked, own)) {
                problems.hidden(request, response, "client", asked);
                return;
            }
            chain.doFilter(new ClientParameter(request, own.toString()), response);
        } else if (scope == ClientScope.OWN_BODY || scope == ClientScope.OWN_PATH_REPLY) {
            byte[] body = request.getInputStream().readAllBytes();
            JsonNode document;
            try {
                document = json.readTree(body);
            } catch (JacksonException notJson) {
                chain.doFilter(new Body(request, body), response); // the controller answers 400
                return;
            }
            if (!(document instanceof ObjectNode object)) {
                chain.doFilter(new Body(request, body), response);
                return;
            }
            if (scope == ClientScope.OWN_BODY) {
                JsonNode asked = object.get("client");
                if (asked != null && asked.isString() && !isOwn(asked.asString(), own)) {
                    problems.hidden(request, response, "client", asked.asString());
                    return;
                }
                object.put("client", own.toString());
            } else {
                JsonNode type = object.get("type");
                if (type == null
                        || !type.isString()
                        || !"REPLIED".equals(type.asString().toUpperCase(Locale.ROOT))) {
                    problems.forbidden(request, response, "a client's contacts can only reply (type REPLIED)");
                    return;
                }
                object.put("author", "CUSTOMER");
                object.put("public", true);
            }
            chain.doFilter(new Body(request, json.writeValueAsBytes(object)), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    private boolean isOwn(String reference, UUID own) {
        Optional<UUID> owner = clients.ownerOf(reference);
        return owner.isPresent() && owner.get().equals(own);
    }

    /** The request with its {@code client} parameter set. */
    private static final class ClientParameter extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        ClientParameter(HttpServletRequest request, String client) {
            super(request);
            parameters = new LinkedHashMap<>(request.getParameterMap());
            parameters.put("client", new String[] {client});
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public java.util.Enumeration<String> getParameterNames() {
            return java.util.Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }
    }

    /** The request with another body. */
    private static final class Body extends HttpServletRequestWrapper {

        private final byte[] body;

        Body(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(
                    new java.io.InputStreamReader(getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
