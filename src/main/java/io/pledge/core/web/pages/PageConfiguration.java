package io.pledge.core.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The pages' language: the one a person chose (the {@value Languages#COOKIE} cookie), else the browser's;
 * and the message bundles of {@link PageMessages}.
 */
@Configuration(proxyBeanMethods = false)
class PageConfiguration {

    @Bean
    MessageSource messageSource() {
        return PageMessages.source();
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver languages = new CookieLocaleResolver(Languages.COOKIE) {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                Locale chosen = super.resolveLocale(request);
                Locale supported = chosen == null ? null : Languages.supported(chosen.toLanguageTag());
                return supported != null ? supported : Languages.ofBrowser(request);
            }
        };
        languages.setDefaultLocaleFunction(Languages::ofBrowser);
        languages.setCookieMaxAge(Duration.ofDays(400));
        languages.setCookieSameSite("Lax");
        return languages;
    }
}
