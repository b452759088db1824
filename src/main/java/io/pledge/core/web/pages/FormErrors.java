package io.pledge.core.web.pages;

import io.pledge.core.ConflictException;
import io.pledge.core.InvalidRequestException;
import io.pledge.core.UnprocessableException;
import io.pledge.core.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;

/**
 * The errors a form shows, each next to the field it names: the violations the domain services reject a
 * request with (the very ones the API answers in a problem document), read from the exception. Templates
 * find them as {@code errors}: {@code errors.has('email')}, {@code errors.of('email')}, and the fields of
 * {@code fragments/forms.html} show them with {@code aria-invalid} and {@code aria-describedby}.
 *
 * <p>A violation's message is the API's English text; a bundle may translate one by its key,
 * {@code violation.<text in lower case, words joined by dashes>} ({@code violation.is-required}).
 */
public final class FormErrors {

    /** The model attribute templates read. */
    public static final String ATTRIBUTE = "errors";

    private static final FormErrors NONE = new FormErrors(Map.of());

    private final Map<String, List<String>> byField;

    private FormErrors(Map<String, List<String>> byField) {
        this.byField = byField;
    }

    public static FormErrors none() {
        return NONE;
    }

    /** The violations an exception carries, or null when it is not a rejection of the request's fields. */
    public static List<Violation> violationsOf(RuntimeException rejection) {
        if (rejection instanceof InvalidRequestException invalid) {
            return invalid.violations();
        }
        if (rejection instanceof UnprocessableException unprocessable) {
            return unprocessable.violations();
        }
        if (rejection instanceof ConflictException conflict) {
            return List.of(new Violation(conflict.field() == null ? "" : conflict.field(), conflict.getMessage()));
        }
        return null;
    }

    /** The violations, in the reader's language where a bundle translates them. */
    public static FormErrors of(List<Violation> violations, MessageSource messages, Locale locale) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (Violation violation : violations) {
            String text = messages.getMessage(key(violation.message()), null, violation.message(), locale);
            byField.computeIfAbsent(violation.field() == null ? "" : violation.field(), f -> new ArrayList<>())
                    .add(text);
        }
        return new FormErrors(byField);
    }

    /**
     * Runs what a form asks for; when a domain service rejects it for its fields, puts the errors in the
     * model (and {@code false} is returned, for the controller to show the form again, status 422).
     * Any other failure goes on up.
     */
    public static boolean attempt(Model model, MessageSource messages, Locale locale, Runnable action) {
        try {
            action.run();
            return true;
        } catch (RuntimeException rejected) {
            List<Violation> violations = violationsOf(rejected);
            if (violations == null) {
                throw rejected;
            }
            model.addAttribute(ATTRIBUTE, of(violations, messages, locale));
            return false;
        }
    }

    /**
     * As {@link #attempt(Model, MessageSource, Locale, Runnable)}, for a form whose fields are not the API
     * document's (a list's items typed in one text area, targets typed in a grid): {@code toForm} gives each
     * violation the form field it is shown next to, and may keep the API's field in front of its message
     * where that names an item inside the field.
     */
    public static boolean attempt(
            Model model,
            MessageSource messages,
            Locale locale,
            java.util.function.UnaryOperator<Violation> toForm,
            Runnable action) {
        try {
            action.run();
            return true;
        } catch (RuntimeException rejected) {
            List<Violation> violations = violationsOf(rejected);
            if (violations == null) {
                throw rejected;
            }
            model.addAttribute(ATTRIBUTE, of(violations.stream().map(toForm).toList(), messages, locale));
            return false;
        }
    }

    /** The bundle key that translates a violation's message. */
    static String key(String message) {
        return "violation."
                + message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** The errors of one field, in order. */
    public List<String> of(String field) {
        return byField.getOrDefault(field, List.of());
    }

    /** Errors naming a field the form does not show (or none): shown at the top of the form. */
    public List<String> others(List<String> shownFields) {
        List<String> others = new ArrayList<>();
        byField.forEach((field, messages) -> {
            if (!shownFields.contains(field)) {
                messages.forEach(message -> others.add(field.isEmpty() ? message : field + ": " + message));
            }
        });
        return others;
    }

    /** Every error, field by field. */
    public Map<String, List<String>> all() {
        return byField;
    }
}
