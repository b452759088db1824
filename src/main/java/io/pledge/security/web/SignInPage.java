package io.pledge.security.web;

import io.pledge.security.Users;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Pledge's own sign-in page (Spring Security checks what it posts to {@code /login}), with what went wrong
 * the last time: a wrong email or password, or an account locked after repeated failures and until when.
 */
@Controller
@Hidden
class SignInPage {

    private final Clock clock;

    SignInPage(Clock clock) {
        this.clock = clock;
    }

    @GetMapping("/login")
    String signIn(
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String locked,
            @RequestParam(required = false) String logout,
            @RequestParam(required = false) String changed,
            HttpSession session,
            Model model) {
        if (error != null) {
            model.addAttribute("problem", "sign-in.error.credentials");
        }
        if (locked != null) {
            model.addAttribute("problem", "sign-in.error.locked");
            model.addAttribute("lockedUntil", lockedUntil(session));
        }
        if (logout != null) {
            model.addAttribute("notice", "sign-in.signed-out");
        }
        if (changed != null) {
            model.addAttribute("notice", "sign-in.password-changed");
        }
        return "security/sign-in";
    }

    /**
     * Until when the account that failed to sign in from this browser is locked, when it still is: kept in
     * the session by the failure, never read from the address (nobody learns another's lock by typing it).
     */
    private Instant lockedUntil(HttpSession session) {
        return session.getAttribute(LOCKED_UNTIL) instanceof Instant until && until.isAfter(clock.instant())
                ? until
                : null;
    }

    private static final String LOCKED_UNTIL = SignInPage.class.getName() + ".lockedUntil";

    /**
     * Back to the sign-in page after a failure: {@code ?locked} when the account is locked (the failure
     * that locks it included; the session keeps until when), else {@code ?error}.
     */
    static AuthenticationFailureHandler failures(Users users, Clock clock) {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) -> {
            String email = request.getParameter("username");
            Instant lockedUntil = email == null
                    ? null
                    : users.findByEmail(email)
                            .filter(user -> user.isLockedAt(clock.instant()))
                            .map(io.pledge.security.User::lockedUntil)
                            .orElse(null);
            if (lockedUntil != null || failure instanceof LockedException) {
                request.getSession().setAttribute(LOCKED_UNTIL, lockedUntil);
                redirect(request, response, "/login?locked");
            } else {
                redirect(request, response, "/login?error");
            }
        };
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response, String target)
            throws IOException {
        response.sendRedirect(request.getContextPath() + target);
    }
}
