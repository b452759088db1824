package io.pledge.trust.web;

import io.pledge.core.InvalidRequestException;
import io.pledge.core.NotFoundException;
import io.pledge.core.Violation;
import io.pledge.core.web.pages.Languages;
import io.pledge.trust.Subscriber;
import io.pledge.trust.Subscriptions;
import io.pledge.trust.TrustPage;
import io.pledge.trust.TrustSnapshots;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Subscriptions to a published trust page's notices, with no sign-in (docs/adr/0039): the page's form and
 * its JSON twin below each page's address (the MSP's, a client's public one, a secret one at its link only),
 * then the links of the mails: confirm, and unsubscribe (one click from a mail client, RFC 8058). A link's page
 * asks with a button and only the POST acts, so that a mail scanner opening links changes nothing. Answers are
 * the same whether an address was subscribed or not, and never show an address but the one just typed.
 */
@RestController
@Hidden
class SubscriptionController {

    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

    private final TrustSnapshots snapshots;
    private final Subscriptions subscriptions;
    private final ITemplateEngine templates;

    SubscriptionController(TrustSnapshots snapshots, Subscriptions subscriptions, ITemplateEngine templates) {
        this.snapshots = snapshots;
        this.subscriptions = subscriptions;
        this.templates = templates;
    }

    /** What the JSON endpoint takes. */
    record SubscriptionDocument(String email, String webhook, String language) {}

    // --- the page's form ---

    @PostMapping("/trust/subscribe")
    ResponseEntity<String> mspForm(
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String webhook,
            @RequestParam(required = false) String lang) {
        return form(snapshots.msp(), "/trust", email, webhook, lang);
    }

    @PostMapping("/trust/{slug}/subscribe")
    ResponseEntity<String> clientForm(
            @PathVariable String slug,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String webhook,
            @RequestParam(required = false) String lang) {
        return form(snapshots.bySlug(slug), "/trust/" + slug, email, webhook, lang);
    }

    @PostMapping("/trust/s/{token}/subscribe")
    ResponseEntity<String> secretForm(
            @PathVariable String token,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String webhook,
            @RequestParam(required = false) String lang) {
        return form(snapshots.bySecret(token), "/trust/s/" + token, email, webhook, lang);
    }

    private ResponseEntity<String> form(
            Optional<TrustSnapshots.Entry> entry, String back, String email, String webhook, String lang) {
        TrustPage page = page(entry);
        String language = language(lang, page.language());
        Map<String, Object> model = model(page, back);
        model.put("email", email);
        try {
            subscriptions.subscribe(page, new Subscriptions.Request(email, blankAsNull(webhook), language));
        } catch (InvalidRequestException e) {
            List<String> fields = new ArrayList<>();
            for (Violation violation : e.violations()) {
                fields.add(violation.field());
            }
            model.put("invalid", fields);
            return render("invalid", language, model, HttpStatus.BAD_REQUEST);
        }
        model.put("webhook", blankAsNull(webhook) != null);
        model.put("hours", subscriptions.confirmWithin().toHours());
        return render("requested", language, model, HttpStatus.OK);
    }

    // --- the JSON endpoint ---

    @PostMapping("/trust/api/v2/subscriptions")
    ResponseEntity<Map<String, Object>> mspJson(@RequestBody SubscriptionDocument body) {
        return json(snapshots.msp(), body);
    }

    @PostMapping("/trust/{slug}/api/v2/subscriptions")
    ResponseEntity<Map<String, Object>> clientJson(@PathVariable String slug, @RequestBody SubscriptionDocument body) {
        return json(snapshots.bySlug(slug), body);
    }

    @PostMapping("/trust/s/{token}/api/v2/subscriptions")
    ResponseEntity<Map<String, Object>> secretJson(@PathVariable String token, @RequestBody SubscriptionDocument body) {
        return json(snapshots.bySecret(token), body);
    }

    private ResponseEntity<Map<String, Object>> json(Optional<TrustSnapshots.Entry> entry, SubscriptionDocument body) {
        TrustPage page = page(entry);
        subscriptions.subscribe(page, new Subscriptions.Request(body.email(), body.webhook(), body.language()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "confirmation_requested");
        answer.put("confirm_within_hours", subscriptions.confirmWithin().toHours());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .cacheControl(CacheControl.noStore())
                .body(answer);
    }

    // --- the mails' links ---

    @GetMapping("/trust/subscribe/confirm/{token}")
    ResponseEntity<String> confirmation(@PathVariable String token, @RequestParam(required = false) String lang) {
        Optional<Subscriptions.Subscription> awaiting = subscriptions.awaitingConfirmation(token);
        if (awaiting.isEmpty()) {
            return render("expired", language(lang, "en"), new LinkedHashMap<>(), HttpStatus.NOT_FOUND);
        }
        Map<String, Object> model = about(awaiting.get());
        model.put("action", "/trust/subscribe/confirm/" + token);
        return render("confirm", language(lang, awaiting.get().subscriber().language()), model, HttpStatus.OK);
    }

    @PostMapping("/trust/subscribe/confirm/{token}")
    ResponseEntity<String> confirm(@PathVariable String token, @RequestParam(required = false) String lang) {
        Optional<Subscriptions.Subscription> confirmed = subscriptions.confirm(token);
        if (confirmed.isEmpty()) {
            return render("expired", language(lang, "en"), new LinkedHashMap<>(), HttpStatus.NOT_FOUND);
        }
        Map<String, Object> model = about(confirmed.get());
        // A webhook's signing key, shown this once to whoever confirms it.
        model.put("secret", confirmed.get().subscriber().webhookSecret());
        return render("confirmed", language(lang, confirmed.get().subscriber().language()), model, HttpStatus.OK);
    }

    @GetMapping("/trust/subscribe/unsubscribe/{token}")
    ResponseEntity<String> unsubscription(@PathVariable String token, @RequestParam(required = false) String lang) {
        Optional<Subscriptions.Subscription> found = subscriptions.byUnsubscribeLink(token);
        if (found.isEmpty()) {
            return render("unsubscribed", language(lang, "en"), new LinkedHashMap<>(), HttpStatus.OK);
        }
        Map<String, Object> model = about(found.get());
        model.put("action", "/trust/subscribe/unsubscribe/" + token);
        return render("unsubscribe", language(lang, found.get().subscriber().language()), model, HttpStatus.OK);
    }

    /** Unsubscribes, from the page's button or a mail client's one-click POST; the same answer when done before. */
    @PostMapping("/trust/subscribe/unsubscribe/{token}")
    ResponseEntity<String> unsubscribe(@PathVariable String token, @RequestParam(required = false) String lang) {
        String language = subscriptions
                .byUnsubscribeLink(token)
                .map(s -> s.subscriber().language())
                .orElse("en");
        subscriptions.unsubscribe(token);
        return render("unsubscribed", language(lang, language), new LinkedHashMap<>(), HttpStatus.OK);
    }

    // --- helpers ---

    private static TrustPage page(Optional<TrustSnapshots.Entry> entry) {
        return entry.map(e -> e.figures().page())
                .orElseThrow(() -> new NotFoundException("trust page", "this address"));
    }

    private static Map<String, Object> model(TrustPage page, String back) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("pageName", page.name());
        model.put("back", back);
        return model;
    }

    /** What a link's page says of its subscription: the page's name and where notices go (never its link). */
    private static Map<String, Object> about(Subscriptions.Subscription subscription) {
        Map<String, Object> model = new LinkedHashMap<>();
        Subscriber subscriber = subscription.subscriber();
        model.put("pageName", subscription.page().name());
        model.put("webhook", subscriber.kind() == Subscriber.Kind.WEBHOOK);
        model.put(
                "target", subscriber.kind() == Subscriber.Kind.WEBHOOK ? subscriber.webhookUrl() : subscriber.email());
        return model;
    }

    private ResponseEntity<String> render(String state, String language, Map<String, Object> model, HttpStatus status) {
        Context context = new Context(Locale.forLanguageTag(language));
        model.forEach(context::setVariable);
        context.setVariable("state", state);
        context.setVariable("lang", language);
        return ResponseEntity.status(status)
                .contentType(HTML)
                .cacheControl(CacheControl.noStore())
                // Links below carry tokens: no other site learns them from a referrer.
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex, nofollow")
                .body(templates.process("trust/subscription", context));
    }

    private static String language(String asked, String fallback) {
        Locale chosen = Languages.supported(asked);
        return chosen != null ? chosen.getLanguage() : fallback;
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
