package io.pledge.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The layout's navigation and account menu, added to every page rendered for a signed-in person: the
 * pages of {@link AccessRules#PAGES} its role may open ({@code navigation}), and who it is
 * ({@code account}).
 */
@Configuration(proxyBeanMethods = false)
class Navigation implements WebMvcConfigurer, HandlerInterceptor {

    /** One entry of the navigation; {@code current} when the page shown is it or under it. */
    record Entry(String key, String path, boolean current) {}

    /** The person signed in: email and role. */
    record Account(String email, String role) {}

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**");
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page == null
                || !page.hasView()
                || (page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Caller caller = Caller.of(authentication);
        if (caller == null) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        page.getModel().putIfAbsent("navigation", entries(caller, path));
        page.getModel()
                .putIfAbsent(
                        "account",
                        new Account(authentication.getName(), caller.role().name()));
    }

    static List<Entry> entries(Caller caller, String path) {
        return AccessRules.PAGES.stream()
                .filter(page -> page.navigationKey() != null && page.roles().contains(caller.role()))
                .map(page -> new Entry(
                        page.navigationKey(),
                        page.path(),
                        path.equals(page.path()) || path.startsWith(page.path() + "/")))
                .toList();
    }

    /** The first page of a role's navigation, where signing in leads; null when it has none. */
    static String home(Caller caller) {
        return entries(caller, "").stream().map(Entry::path).findFirst().orElse(null);
    }
}
