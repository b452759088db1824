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
 * Audits every change to the catalog and configuration made through the API (calendars, tiers and
 * policies, clients, contracts, teams, technicians, sources and status names, escalation rules and
 * delivery retries, monitors and maintenance windows, trust pages and their incidents), whatever the endpoint:
 * the request runs in one transaction with its audit entry, so the change and its record commit
 * together, and the answer leaves only after the commit. Tickets, imports, tokens and users write entries
 * of their own.
 */
@Component
@ConditionalOnWebApplication
class AuditedChanges extends OncePerRequestFilter {

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final List<String> AUDITED = List.of(
            "/api/v1/calendars",
            "/api/v1/tiers",
            "/api/v1/clients",
            "/api/v1/contracts",
            "/api/v1/teams",
            "/api/v1/technicians",
            "/api/v1/sources",
            "/api/v1/escalations",
            "/api/v1/deliveries",
            "/api/v1/monitors",
            "/api/v1/maintenance-windows",
            "/api/v1/trust");

    private final AuditLog audit;
    private final TransactionTemplate transactions;

    AuditedChanges(AuditLog audit, TransactionTemplate transactions) {
        this.audit = audit;
        this.transactions = transactions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !CHANGES.contains(request.getMethod())
                || AUDITED.stream().noneMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
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
                        "api." + request.getMethod().toLowerCase(java.util.Locale.ROOT),
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
