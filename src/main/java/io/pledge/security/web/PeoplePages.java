package io.pledge.security.web;

import io.pledge.clients.Client;
import io.pledge.clients.Clients;
import io.pledge.core.NotFoundException;
import io.pledge.core.web.pages.FormErrors;
import io.pledge.core.web.pages.PageAccess;
import io.pledge.security.ApiTokens;
import io.pledge.security.IssuedToken;
import io.pledge.security.Role;
import io.pledge.security.TokenIssuer;
import io.pledge.security.User;
import io.pledge.security.UserAccounts;
import io.pledge.security.UserDocument;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of people and API tokens (administrators): the users with their role, client and lock, the form
 * that creates one ({@link UserAccounts#create}, as {@code POST /api/v1/users}), the form that changes a
 * user's role ({@link UserAccounts#changeRole}, as {@code PUT /api/v1/users/{id}}) and the button that lifts
 * a lock ({@link UserAccounts#unlock}, as {@code POST /api/v1/users/{id}/unlock}); the tokens with their state,
 * the form that issues one ({@link TokenIssuer}, as {@code POST /api/v1/tokens}), whose secret is shown once
 * on the page the form leads to and never again, and revoking one ({@code DELETE /api/v1/tokens/{id}}).
 */
@Controller
@Hidden
class PeoplePages {

    /** Any user's id, to ask whether the caller may open the pages of every user. */
    private static final UUID ANY = new UUID(0, 0);

    private static final List<String> ROLES =
            Arrays.stream(Role.values()).map(Enum::name).toList();

    private final UserAccounts accounts;
    private final ApiTokens tokens;
    private final TokenIssuer issuer;
    private final Clients clients;
    private final PageAccess access;
    private final MessageSource messages;
    private final Clock clock;

    PeoplePages(
            UserAccounts accounts,
            ApiTokens tokens,
            TokenIssuer issuer,
            Clients clients,
            PageAccess access,
            MessageSource messages,
            Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.issuer = issuer;
        this.clients = clients;
        this.access = access;
        this.messages = messages;
        this.clock = clock;
    }

    /** A user or a token's line: its client's name, when it acts for one. */
    record UserLine(User user, String client, boolean locked) {}

    record TokenLine(io.pledge.security.ApiToken token, String client, boolean active) {}

    @GetMapping("/users")
    String users(Model model) {
        Map<UUID, String> names = clientNames();
        model.addAttribute(
                "lines",
                accounts.all().stream()
                        .sorted(Comparator.comparing(User::email))
                        .map(user -> new UserLine(
                                user,
                                user.clientId() == null ? null : names.get(user.clientId()),
                                user.isLockedAt(clock.instant())))
                        .toList());
        model.addAttribute("canCreate", access.allows("/users/new"));
        model.addAttribute("canChangeRole", access.allows("/users/" + ANY + "/edit"));
        model.addAttribute("canUnlock", access.allows("/users/" + ANY + "/unlock"));
        return "security/users";
    }

    @GetMapping("/users/new")
    String newUser(Model model) {
        return userForm(new UserDocument("", "", Role.TECHNICIAN.name(), ""), model);
    }

    @PostMapping("/users/new")
    String createUser(
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String client,
            Authentication caller,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        UserDocument document = new UserDocument(email, password, role, blankToNull(client));
        if (!FormErrors.attempt(model, messages, locale, () -> accounts.create(document, caller.getName()))) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return userForm(document, model);
        }
        redirect.addFlashAttribute("notice", "users.added");
        redirect.addFlashAttribute("noticeArgument", email.strip());
        return "redirect:/users";
    }

    @GetMapping("/users/{id}/edit")
    String editUser(@PathVariable UUID id, Model model) {
        User user = findUser(id);
        String client = user.clientId() == null
                ? ""
                : clients.all().stream()
                        .filter(c -> c.id().value().equals(user.clientId()))
                        .map(Client::slug)
                        .findFirst()
                        .orElse("");
        return roleForm(user, user.role().name(), client, model);
    }

    @PostMapping("/users/{id}/edit")
    String changeRole(
            @PathVariable UUID id,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String client,
            Authentication caller,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        User user = findUser(id);
        if (!FormErrors.attempt(
                model, messages, locale, () -> accounts.changeRole(id, role, blankToNull(client), caller.getName()))) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return roleForm(user, role, client, model);
        }
        redirect.addFlashAttribute("notice", "users.role-changed");
        redirect.addFlashAttribute("noticeArgument", user.email());
        return "redirect:/users";
    }

    @PostMapping("/users/{id}/unlock")
    String unlock(@PathVariable UUID id, Authentication caller, RedirectAttributes redirect) {
        User user = accounts.unlock(id, caller.getName());
        redirect.addFlashAttribute("notice", "users.unlocked");
        redirect.addFlashAttribute("noticeArgument", user.email());
        return "redirect:/users";
    }

    @GetMapping("/tokens")
    String tokens(Model model) {
        Map<UUID, String> names = clientNames();
        model.addAttribute(
                "lines",
                tokens.all().stream()
                        .sorted(Comparator.comparing(io.pledge.security.ApiToken::createdAt)
                                .reversed())
                        .map(token -> new TokenLine(
                                token,
                                token.clientId() == null ? null : names.get(token.clientId()),
                                token.isActiveAt(clock.instant())))
                        .toList());
        model.addAttribute("canCreate", access.allows("/tokens/new"));
        return "security/tokens";
    }

    @GetMapping("/tokens/new")
    String newToken(Model model) {
        return tokenForm(new TokenIssuer.TokenRequest("", "", Role.TECHNICIAN.name(), ""), model);
    }

    @PostMapping("/tokens/new")
    String issueToken(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String expiresAt,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String client,
            Authentication caller,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        TokenIssuer.TokenRequest request =
                new TokenIssuer.TokenRequest(name, blankToNull(expiresAt), blankToNull(role), blankToNull(client));
        IssuedToken[] issued = new IssuedToken[1];
        Role callerRole = Caller.of(caller).role();
        if (!FormErrors.attempt(
                model, messages, locale, () -> issued[0] = issuer.issue(request, callerRole, caller.getName()))) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return tokenForm(request, model);
        }
        // Shown once, on the page the form leads to: a flash attribute lives for that one request.
        redirect.addFlashAttribute("issuedName", issued[0].token().name());
        redirect.addFlashAttribute("secret", issued[0].secret());
        return "redirect:/tokens";
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        var token = tokens.revoke(id, clock.instant()).orElseThrow(() -> new NotFoundException("token", id));
        redirect.addFlashAttribute("notice", "tokens.revoked");
        redirect.addFlashAttribute("noticeArgument", token.name());
        return "redirect:/tokens";
    }

    private String userForm(UserDocument document, Model model) {
        model.addAttribute("form", document);
        model.addAttribute("roles", ROLES);
        model.addAttribute("clientChoices", clients.all());
        return "security/user-form";
    }

    private String roleForm(User user, String role, String client, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("form", new UserDocument(user.email(), null, role, client));
        model.addAttribute("roles", ROLES);
        model.addAttribute("clientChoices", clients.all());
        return "security/role-form";
    }

    private User findUser(UUID id) {
        return accounts.find(id).orElseThrow(() -> new NotFoundException("user", id));
    }

    private String tokenForm(TokenIssuer.TokenRequest request, Model model) {
        model.addAttribute("form", request);
        model.addAttribute("roles", ROLES);
        model.addAttribute("clientChoices", clients.all());
        return "security/token-form";
    }

    private Map<UUID, String> clientNames() {
        return clients.all().stream().collect(Collectors.toMap(c -> c.id().value(), Client::name, (a, b) -> a));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
