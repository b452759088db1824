package io.pledge.core.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * What every template reads, added to the model of each page rendered (not to redirects, nor to the API's
 * JSON): the formatter {@code fmt} in the reader's language, no form errors until a form is rejected
 * ({@code errors}), the languages to choose from and the page's own path ({@code currentPath}).
 */
@Configuration(proxyBeanMethods = false)
class PageModel implements WebMvcConfigurer, HandlerInterceptor {

    private final ZoneId zone;
    private final MessageSource messages;

    PageModel(@Value("${pledge.pages.zone:UTC}") ZoneId zone, MessageSource messages) {
        this.zone = zone;
        this.messages = messages;
    }

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
        Locale locale = RequestContextUtils.getLocale(request);
        page.getModel().putIfAbsent("fmt", new PageFormats(locale, zone, messages));
        page.getModel().putIfAbsent(FormErrors.ATTRIBUTE, FormErrors.none());
        page.getModel().putIfAbsent("languages", Languages.SUPPORTED);
        page.getModel()
                .putIfAbsent(
                        "currentPath",
                        request.getRequestURI()
                                .substring(request.getContextPath().length()));
    }
}
