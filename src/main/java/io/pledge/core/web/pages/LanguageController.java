package io.pledge.core.web.pages;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** The language chooser of every page (and of the sign-in page): remembered in a cookie, then back. */
@Controller
@Hidden
class LanguageController {

    private final LocaleResolver languages;

    LanguageController(LocaleResolver languages) {
        this.languages = languages;
    }

    @PostMapping("/language")
    String choose(
            @RequestParam(required = false) String language,
            @RequestParam(required = false) String back,
            HttpServletRequest request,
            HttpServletResponse response) {
        var chosen = Languages.supported(language);
        if (chosen != null) {
            languages.setLocale(request, response, chosen);
        }
        // Only a path of Pledge's own: never another site.
        boolean local = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\");
        return "redirect:" + (local ? back : "/");
    }
}
