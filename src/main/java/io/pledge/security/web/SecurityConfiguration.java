package io.pledge.security.web;

import io.pledge.core.ClientOwned;
import io.pledge.security.ApiTokens;
import io.pledge.security.Users;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code /api/**} call needs an API token or a user's credentials (HTTP Basic), statelessly, and is
 * checked against {@link AccessRules} before any controller runs. Health, metrics and the OpenAPI
 * description are public.
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

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            ApiTokens tokens,
            ProblemResponses problems,
            Clock clock,
            List<ClientOwned> owned,
            JsonMapper json)
            throws Exception {
        Map<String, ClientOwned> owners =
                owned.stream().collect(Collectors.toMap(ClientOwned::collection, Function.identity()));
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> {
                    // Webhook ingest authenticates each request by its source's HMAC signature instead.
                    requests.requestMatchers("/api/v1/ingest/**").permitAll();
                    for (AccessRules.Rule rule : AccessRules.RULES) {
                        requests.requestMatchers(rule.method(), rule.pattern())
                                .access(new RuleAuthorization(rule, owners));
                    }
                    // An operation without a rule is refused to everyone.
                    requests.anyRequest().denyAll();
                })
                // Credentials travel in the Authorization header, never in cookies: no CSRF exposure.
                .csrf(csrf -> csrf.disable())
                // JSON only: nothing to run, frame or refer to.
                .headers(headers -> headers.contentSecurityPolicy(
                                policy -> policy.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(
                        new ApiTokenAuthenticationFilter(tokens, problems, clock), BasicAuthenticationFilter.class)
                .addFilterAfter(
                        new ClientScopeFilter(owners.get("clients"), json, problems), AuthorizationFilter.class);
        return http.build();
    }

    /**
     * Everything outside {@code /api/**}: the public operations, and the web pages behind a sign-in form
     * (a session cookie, CSRF tokens on every form, the session id changed at sign-in).
     */
    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http, ProblemResponses problems) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health",
                                "/actuator/health/**",
                                "/actuator/info",
                                "/actuator/prometheus",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/swagger-ui.html",
                                "/swagger-ui/**",
                                "/login",
                                "/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(
                                "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                                        + " frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    @Bean
    UserDetailsService userDetailsService(Users users, Clock clock) {
        return email -> users.findByEmail(email)
                .map(user -> new PledgeUserDetails(user, user.isLockedAt(clock.instant())))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
