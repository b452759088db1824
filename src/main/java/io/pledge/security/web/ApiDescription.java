package io.pledge.security.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description's title, version and the ways to authenticate it declares (what Swagger UI's
 * Authorize button offers): an API token as a bearer token, or a user's email and password (HTTP Basic).
 * Webhook ingest operations carry their own credentials and declare none.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ApiDescription {

    static final String BEARER = "token";
    static final String BASIC = "password";

    @Bean
    OpenAPI pledgeOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        String version = properties == null ? "development" : properties.getVersion();
        return new OpenAPI()
                .info(new Info().title("Pledge").version(version).description("""
                                SLA management for managed service providers: business-hours calendars, tiers with \
                                versioned SLA policies, clients and contracts, tickets with live SLA clocks, \
                                warnings and escalations, uptime monitoring and a tamper-evident audit log.

                                Every operation under `/api/v1` needs an API token (`Authorization: Bearer plg_…`), \
                                a user's email and password (HTTP Basic), or the session of a person signed in at \
                                `/login` in the same browser; such a session sends its CSRF token (the `XSRF-TOKEN` \
                                cookie's value in the `X-XSRF-TOKEN` header) with every call that changes something, \
                                as this page does. What a caller may do depends on its role (ADMIN, MANAGER, \
                                TECHNICIAN, CLIENT); a CLIENT caller sees its own client only. Errors are RFC 9457 \
                                problem documents naming each invalid field.

                                Webhook ingest (`/api/v1/ingest/…`) is authenticated by each request's own \
                                credential: a source's HMAC signature, a heartbeat's secret URL, or an external \
                                monitor's secret as a bearer token."""))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("plg_…")
                                        .description("An API token (POST /api/v1/tokens; its secret is shown once)"))
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("A user's email and password")))
                .security(List.of(new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(BASIC)));
    }

    /**
     * Ingest operations: no API token nor password but their own credential (see the description); an
     * external monitor's secret goes as a bearer token.
     */
    @Bean
    OpenApiCustomizer ingestCredentials() {
        return api -> {
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/v1/ingest/alertmanager")
                        || path.startsWith("/api/v1/ingest/monitor-events")) {
                    // the monitor's secret, sent as a bearer token
                    item.readOperations()
                            .forEach(operation ->
                                    operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER))));
                } else if (path.startsWith("/api/v1/ingest/")) {
                    item.readOperations().forEach(operation -> operation.setSecurity(List.of()));
                }
            });
        };
    }
}
