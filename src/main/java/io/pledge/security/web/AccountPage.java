package io.pledge.security.web;

import io.pledge.core.web.pages.FormErrors;
import io.pledge.security.UserAccounts;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person's own account: changing its password (checked by {@link UserAccounts#changePassword}, the errors
 * shown next to their fields), after which it signs in again with the new one.
 */
@Controller
@Hidden
class AccountPage {

    private final UserAccounts accounts;
    private final MessageSource messages;

    AccountPage(UserAccounts accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/account/password")
    String form() {
        return "security/password";
    }

    @PostMapping("/account/password")
    String change(
            @RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String newPassword,
            @RequestParam(required = false) String confirmation,
            Authentication caller,
            Locale locale,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        boolean changed = FormErrors.attempt(
                model,
                messages,
                locale,
                () -> accounts.changePassword(caller.getName(), currentPassword, newPassword, confirmation));
        if (!changed) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "security/password";
        }
        // The session signed in with the old password ends: the person signs in again with the new one.
        new SecurityContextLogoutHandler().logout(request, response, caller);
        return "redirect:/login?changed";
    }
}
