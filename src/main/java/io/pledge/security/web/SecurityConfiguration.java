package io.pledge.security.web;

import io.pledge.security.ApiTokens;
import io.pledge.security.Users;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RegexRequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code /api/**} call needs an API token, a user's credentials (HTTP Basic) or the session of a
 * person signed in through the form (with the CSRF token on unsafe methods), and is checked against
 * {@link AccessRules} before any controller runs. Health, metrics and the OpenAPI description are public.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    @Bean
    ProblemResponses problemResponses(JsonMapper json, RateLimitFilter limits) {
        return new ProblemResponses(json, limits);
    }

    @Bean
    RateLimitFilter rateLimitFilter(RateLimits limits, Clock clock, JsonMapper json) {
        return new RateLimitFilter(limits, clock, json);
    }

    /** Rate limits run before Spring Security's filters (order -100): a refused request costs nothing more. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitRegistration(RateLimitFilter filter) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(-200);
        return registration;
    }

    /**
     * The public trust pages ({@code /trust/**}, docs/adr/0034): open to anyone, read-only but for the
     * subscriptions to their notices (docs/adr/0039), no session, no cookie; styles and images from Pledge's own files only (a page's logo from any https address), no script
     * at all. Only a page's widget may be framed, by any site.
     */
    @Bean
    @Order(-1)
    SecurityFilterChain trustWidgetSecurity(HttpSecurity http) throws Exception {
        // The matcher sees the query string too (?lang=fr).
        return publicTrust(
                http.securityMatcher(RegexRequestMatcher.regexMatcher("^/trust(/[^?]*)?/widget(\\?.*)?$")), "*");
    }

    @Bean
    @Order(0)
    SecurityFilterChain trustSecurity(HttpSecurity http) throws Exception {
        return publicTrust(http.securityMatcher("/trust", "/trust/**"), "'none'");
    }

    private static SecurityFilterChain publicTrust(HttpSecurity http, String frameAncestors) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET)
                        .permitAll()
                        .requestMatchers(HttpMethod.HEAD)
                        .permitAll()
                        // Subscribing to a page's notices (double opt-in: a request only sends a link to
                        // confirm), confirming and unsubscribing, each by the token of its link.
                        .requestMatchers(
                                HttpMethod.POST,
                                "/trust/subscribe",
                                "/trust/*/subscribe",
                                "/trust/s/*/subscribe",
                                "/trust/api/v2/subscriptions",
                                "/trust/*/api/v2/subscriptions",
                                "/trust/s/*/api/v2/subscriptions",
                                "/trust/subscribe/confirm/*",
                                "/trust/subscribe/unsubscribe/*")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.securityContextRepository(
                        new org.springframework.security.web.context.RequestAttributeSecurityContextRepository()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .anonymous(anonymous -> {})
                .headers(headers -> {
                    headers.contentSecurityPolicy(policy -> policy.policyDirectives(
                            "default-src 'none'; style-src 'self'; img-src 'self' https: data:; base-uri 'none';"
                                    + " form-action 'self'; frame-ancestors " + frameAncestors));
                    if (!frameAncestors.equals("'none'")) {
                        headers.frameOptions(frame -> frame.disable());
                    }
                    headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
                    // Cache-Control is the controller's: the answers are public and change at most once a minute.
                    headers.cacheControl(cache -> cache.disable());
                });
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(
            HttpSecurity http, ApiTokens tokens, ProblemResponses problems, Clock clock, UserDetailsService users)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> {
                    // Webhook ingest authenticates each request by its source's HMAC signature instead.
                    requests.requestMatchers("/api/v1/ingest/**").permitAll();
                    for (AccessRules.Rule rule : AccessRules.RULES) {
                        requests.requestMatchers(rule.method(), rule.pattern()).access(new RuleAuthorization(rule));
                    }
                    // An operation without a rule is refused to everyone.
                    requests.anyRequest().denyAll();
                })
                // A browser sends the session cookie by itself, even for another site's page: a call it
                // authenticates must prove it comes from Pledge's pages (Swagger UI sends the token).
                // Tokens and passwords travel in the Authorization header, which no other site can set.
                .csrf(csrf -> csrf.csrfTokenRepository(browserCsrfTokens())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(SecurityConfiguration::authenticatedBySession))
                .securityContext(context -> context.securityContextRepository(new SignedInSessions(users)))
                // JSON only: nothing to run, frame or refer to.
                .headers(headers -> headers.contentSecurityPolicy(
                                policy -> policy.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(
                        new ApiTokenAuthenticationFilter(tokens, problems, clock), BasicAuthenticationFilter.class);
        return http.build();
    }

    /**
     * Everything outside {@code /api/**}: the public operations, and the web pages behind Pledge's sign-in
     * page (a session cookie, CSRF tokens on every form, the session id changed at sign-in). Each page of
     * {@link AccessRules#PAGES} opens to the roles it lists. Every page response makes sure the browser has
     * the CSRF cookie (forms carry its token, htmx and Swagger UI send it back as a header).
     */
    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http, ProblemResponses problems, Users users, Clock clock)
            throws Exception {
        http.authorizeHttpRequests(requests -> {
                    requests.requestMatchers(
                                    "/actuator/health",
                                    "/actuator/health/**",
                                    "/actuator/info",
                                    "/actuator/prometheus",
                                    "/v3/api-docs",
                                    "/v3/api-docs/**",
                                    "/swagger-ui.html",
                                    "/swagger-ui/**",
                                    "/login",
                                    "/language",
                                    "/css/**",
                                    "/js/**",
                                    "/webjars/**",
                                    "/favicon.ico",
                                    "/error")
                            .permitAll();
                    for (AccessRules.Page page : AccessRules.PAGES) {
                        String[] roles = page.roles().stream().map(Enum::name).toArray(String[]::new);
                        requests.requestMatchers(page.path(), page.pattern()).hasAnyRole(roles);
                    }
                    requests.anyRequest().authenticated();
                })
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(SignInPage.failures(users, clock)))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .csrf(csrf -> csrf.csrfTokenRepository(browserCsrfTokens()))
                .addFilterAfter(SecurityConfiguration::csrfCookieForPages, CsrfFilter.class)
                // Scripts from Pledge's own files only (htmx and the pages' script, no inline script); the
                // PDF preview of the reports page is the one response framed, by Pledge's own page.
                .headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
                                        + " img-src 'self' data:; object-src 'none'; base-uri 'self';"
                                        + " frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * The browser's CSRF token, in the {@code XSRF-TOKEN} cookie (readable by Pledge's own pages, sent back
     * in the {@code X-XSRF-TOKEN} header or a form's {@code _csrf} field), for the pages and the API alike.
     */
    private static CsrfTokenRepository browserCsrfTokens() {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        return tokens;
    }

    /**
     * Whether an API call is authenticated by the signed-in session (an unsafe method, no token or password
     * of its own): those must carry the CSRF token. Webhook ingest has its own credentials.
     */
    private static boolean authenticatedBySession(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())
                || request.getRequestURI()
                        .substring(request.getContextPath().length())
                        .startsWith("/api/v1/ingest/")) {
            return false;
        }
        String credentials = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (credentials != null
                && (credentials.regionMatches(true, 0, "Bearer ", 0, 7)
                        || credentials.regionMatches(true, 0, "Basic ", 0, 6))) {
            return false;
        }
        HttpSession session = request.getSession(false);
        return session != null
                && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null;
    }

    /**
     * Pages (Pledge's and Swagger UI's) read the CSRF token from its cookie or write it in their forms: each
     * page response makes sure there is one before anything is written (static files need none).
     */
    private static void csrfCookieForPages(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http
                && !isStaticFile(
                        http.getRequestURI().substring(http.getContextPath().length()))
                && http.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken(); // generates and saves the token when the browser has none
        }
        chain.doFilter(request, response);
    }

    private static boolean isStaticFile(String path) {
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/");
    }

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    UserDetailsService userDetailsService(Users users, Clock clock) {
        return email -> users.findByEmail(email)
                .map(user -> new PledgeUserDetails(user, user.isLockedAt(clock.instant())))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
