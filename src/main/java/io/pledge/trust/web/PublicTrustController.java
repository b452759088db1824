package io.pledge.trust.web;

import io.pledge.core.NotFoundException;
import io.pledge.core.web.pages.Languages;
import io.pledge.trust.PublicResource;
import io.pledge.trust.TrustPublication;
import io.pledge.trust.TrustSnapshots;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public trust pages, with no sign-in: {@code /trust} (the MSP's), {@code /trust/{slug}} (a client's public
 * page) and {@code /trust/s/{token}} (a client's secret page), each with its badges, feeds, widget and
 * stylesheet below it. Every answer is a copy of bytes rendered ahead in the snapshot: a request looks up, picks
 * the language (?lang=, else the browser's Accept-Language, else the page's own) and answers 304 when the
 * browser holds the same bytes.
 */
@RestController
@Hidden
class PublicTrustController {

    private static final String PREFIX = "/trust";

    private final TrustSnapshots snapshots;

    PublicTrustController(TrustSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @GetMapping({"/trust", "/trust/**"})
    ResponseEntity<byte[]> serve(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length() + PREFIX.length());
        String rest;
        Optional<TrustSnapshots.Entry> entry;
        String token = null;
        if (path.isEmpty() || path.equals("/")) {
            entry = snapshots.msp();
            rest = "";
        } else {
            String tail = path.substring(1);
            int slash = tail.indexOf('/');
            String first = slash < 0 ? tail : tail.substring(0, slash);
            String after = slash < 0 ? "" : tail.substring(slash + 1);
            if (first.equals("s")) {
                int end = after.indexOf('/');
                token = end < 0 ? after : after.substring(0, end);
                rest = end < 0 ? "" : after.substring(end + 1);
                entry = snapshots.bySecret(token);
            } else if (TrustPublication.RESERVED_SLUGS.contains(first)) {
                entry = snapshots.msp();
                rest = tail;
            } else {
                entry = snapshots.bySlug(first);
                rest = after;
            }
        }
        if (entry.isEmpty()) {
            throw new NotFoundException("trust page", request.getRequestURI());
        }
        String language = language(request, entry.get().language());
        PublicResource resource = entry.get()
                .resource(language, rest)
                .orElseThrow(() -> new NotFoundException("trust page resource", request.getRequestURI()));
        boolean localised = entry.get().resources().containsKey(language + "/" + rest);
        // A secret page's answers are completed with its token per request: those go out as they are.
        boolean gzip = token == null && resource.gzip() != null && acceptsGzip(request);
        String etag = gzip ? resource.gzipEtag() : resource.etag();
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ETAG, etag);
        boolean badge = rest.startsWith("badges/");
        if (token != null) {
            // A secret page stays out of shared caches, search engines and other sites' referrer logs.
            headers.setCacheControl("private, max-age=30");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("X-Robots-Tag", "noindex, nofollow");
        } else {
            headers.setCacheControl(badge ? "public, max-age=60" : "public, max-age=30");
        }
        if (localised || resource.gzip() != null) {
            headers.set(
                    HttpHeaders.VARY,
                    localised && resource.gzip() != null
                            ? "Accept-Language, Accept-Encoding"
                            : localised ? "Accept-Language" : "Accept-Encoding");
        }
        String match = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (match != null && (match.equals(etag) || match.equals("W/" + etag))) {
            return new ResponseEntity<>(headers, HttpStatus.NOT_MODIFIED);
        }
        headers.set(HttpHeaders.CONTENT_TYPE, resource.contentType());
        byte[] body = gzip ? resource.gzip() : resource.body();
        if (gzip) {
            headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        if (token != null && !resource.contentType().startsWith("image/")) {
            body = new String(body, StandardCharsets.UTF_8)
                    .replace(TrustRenderer.SECRET_MARK, token)
                    .getBytes(StandardCharsets.UTF_8);
        }
        return new ResponseEntity<>(body, headers, HttpStatus.OK);
    }

    private static boolean acceptsGzip(HttpServletRequest request) {
        String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        return accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip") && !accepted.contains("gzip;q=0");
    }

    /** ?lang=en|fr, else the browser's first of English and French, else the page's own language. */
    private static String language(HttpServletRequest request, String pageLanguage) {
        Locale chosen = Languages.supported(request.getParameter("lang"));
        if (chosen != null) {
            return chosen.getLanguage();
        }
        String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (header != null && !header.isBlank()) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(header), Languages.SUPPORTED);
                if (best != null) {
                    return best.getLanguage();
                }
            } catch (IllegalArgumentException malformed) {
                // says nothing: the page's language applies
            }
        }
        return pageLanguage;
    }
}
