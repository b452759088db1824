package io.pledge.audit.web;

import io.pledge.audit.AuditLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Audits every change to the catalog and configuration made through the API or the pages (calendars, tiers
 * and policies, clients, contracts, teams, technicians, sources and status names, escalation rules and
 * delivery retries, monitors and maintenance windows, trust pages and their incidents), whatever the endpoint
 * ({@code api.post} for {@code POST /api/v1/tiers}, {@code page.post} for the form {@code POST /tiers/new}):
 * the request runs in one transaction with its audit entry, so the change and its record commit
 * together, and the answer leaves only after the commit. Tickets, imports, tokens and users write entries
 * of their own.
 */
@Component
@ConditionalOnWebApplication
class AuditedChanges extends OncePerRequestFilter {

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String API = "/api/v1";
    /** The audited resources, under {@value #API} for the API and at the root for the pages' forms. */
    private static final List<String> AUDITED = List.of(
            "/calendars",
            "/tiers",
            "/clients",
            "/contracts",
            "/teams",
            "/technicians",
            "/sources",
            "/escalations",
            "/deliveries",
            "/monitors",
            "/maintenance-windows",
            "/trust");
    /** Forms that are posted but change nothing: the calendar's "add business time" preview. */
    private static final String PREVIEW = "/business-time";

    private final AuditLog audit;
    private final TransactionTemplate transactions;

    AuditedChanges(AuditLog audit, TransactionTemplate transactions) {
        this.audit = audit;
        this.transactions = transactions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = path.startsWith(API + "/");
        String resource = api ? path.substring(API.length()) : path;
        return !CHANGES.contains(request.getMethod())
                || (!api && path.endsWith(PREVIEW))
                || AUDITED.stream().noneMatch(prefix -> resource.equals(prefix) || resource.startsWith(prefix + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingRequestWrapper body = new ContentCachingRequestWrapper(request, 1 << 20);
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            transactions.executeWithoutResult(status -> {
                try {
                    chain.doFilter(body, answer);
                } catch (IOException | ServletException e) {
                    throw new IllegalStateException(e);
                }
                if (answer.getStatus() >= 400) {
                    status.setRollbackOnly();
                    return;
                }
                String path = request.getRequestURI()
                        .substring(request.getContextPath().length());
                String location = answer.getHeader("Location");
                audit.append(new AuditLog.Change(
                        AuditLog.PLEDGE_CHAIN,
                        AuditLog.currentActor(),
                        (path.startsWith(API + "/") ? "api." : "page.")
                                + request.getMethod().toLowerCase(java.util.Locale.ROOT),
                        location != null && request.getMethod().equals("POST") ? location : path,
                        "status=" + answer.getStatus() + ";path=" + path + ";body-sha256="
                                + sha256(body.getContentAsByteArray())));
            });
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof ServletException servlet) {
                throw servlet;
            }
            throw e;
        }
        answer.copyBodyToResponse();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
