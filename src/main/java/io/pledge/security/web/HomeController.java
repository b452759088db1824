package io.pledge.security.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where a person lands after signing in: the first page of its role's navigation, or a page that says who
 * it is and where the API is when its role has no page yet.
 */
@Controller
@Hidden
class HomeController {

    @GetMapping("/")
    String home(Authentication authentication) {
        String first = Navigation.home(Caller.of(authentication));
        return first == null ? "security/home" : "redirect:" + first;
    }
}
