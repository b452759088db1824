package io.pledge.core.web.pages;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Component;

/**
 * Whether the person signed in may open a page: asked of the web filter chain itself, which authorizes
 * each page from {@code AccessRules.PAGES}, so that a page shows a link or a button ("New calendar",
 * "Edit") only to the roles the page it leads to lets in.
 */
@Component
public class PageAccess {

    // Looked up when a page asks: the command-line import starts Pledge without its web filter chain.
    private final ObjectProvider<WebInvocationPrivilegeEvaluator> privileges;

    PageAccess(ObjectProvider<WebInvocationPrivilegeEvaluator> privileges) {
        this.privileges = privileges;
    }

    /** True when the caller may open {@code path} (a GET or a form posted to it). */
    public boolean allows(String path) {
        return privileges
                .getObject()
                .isAllowed(path, SecurityContextHolder.getContext().getAuthentication());
    }
}
