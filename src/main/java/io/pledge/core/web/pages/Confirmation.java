package io.pledge.core.web.pages;

import io.pledge.core.ConflictException;
import io.pledge.core.Violation;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/**
 * The step between a button that deletes and the deletion: a page of its own ({@code templates/confirm.html})
 * that names what goes, with a form that posts to {@code action} and a link back to {@code back}, so that
 * nothing is deleted by one click and no script is needed. When the domain service refuses (a tier some
 * contracts use), the same page shows its reason, with the API's status: 409 for a conflict, 422 otherwise.
 *
 * @param titleKey the message key of the page's heading
 * @param questionKey the message key of the question, with {@code subject} as its argument
 * @param subject what is deleted, as the person knows it (a tier's name, a client's name)
 * @param action where the form posts
 * @param back where "Cancel" leads
 * @param buttonKey the message key of the button that confirms
 */
public record Confirmation(
        String titleKey, String questionKey, String subject, String action, String back, String buttonKey) {

    /** The template every confirmation uses. */
    public static final String VIEW = "confirm";

    /** Shows the confirmation page. */
    public String show(Model model) {
        model.addAttribute("confirm", this);
        return VIEW;
    }

    /**
     * Runs the confirmed action; when a domain service refuses it, puts its reasons in the model, sets the
     * API's status on the answer and returns false, for the controller to {@link #show} the page again.
     */
    public boolean attempt(
            Model model, MessageSource messages, Locale locale, HttpServletResponse response, Runnable action) {
        try {
            action.run();
            return true;
        } catch (RuntimeException refused) {
            List<Violation> violations = FormErrors.violationsOf(refused);
            if (violations == null) {
                throw refused;
            }
            model.addAttribute(FormErrors.ATTRIBUTE, FormErrors.of(violations, messages, locale));
            response.setStatus(
                    refused instanceof ConflictException
                            ? HttpStatus.CONFLICT.value()
                            : HttpStatus.UNPROCESSABLE_CONTENT.value());
            return false;
        }
    }
}
