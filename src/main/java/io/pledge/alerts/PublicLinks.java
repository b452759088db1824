package io.pledge.alerts;

import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Links in notices, built on {@code pledge.public-url} ({@code PLEDGE_PUBLIC_URL}): the address people and
 * receivers reach Pledge at, e.g. {@code https://pledge.msp.example}.
 */
@Component
class PublicLinks {

    private final String base;

    PublicLinks(@Value("${pledge.public-url:http://localhost:8080}") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    String ticket(UUID id) {
        return base + "/api/v1/tickets/" + id;
    }

    String monitor(UUID id) {
        return base + "/api/v1/monitors/" + id;
    }
}
