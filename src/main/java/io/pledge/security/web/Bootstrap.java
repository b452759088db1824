package io.pledge.security.web;

import io.pledge.security.ApiTokens;
import io.pledge.security.Role;
import io.pledge.security.Users;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First start on an empty database: creates the admin user (from {@code PLEDGE_ADMIN_EMAIL} and
 * {@code PLEDGE_ADMIN_PASSWORD}, or with a generated password logged once) and, when
 * {@code PLEDGE_BOOTSTRAP_TOKEN} is set, registers it as an admin API token for automation. Later
 * starts change nothing.
 */
@Component
@Order(0)
@EnableConfigurationProperties(Bootstrap.BootstrapProperties.class)
class Bootstrap implements ApplicationRunner {

    static final int MIN_PASSWORD_LENGTH = 12;
    static final int MIN_TOKEN_LENGTH = 32;

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private final Users users;
    private final ApiTokens tokens;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transactions;
    private final BootstrapProperties properties;

    Bootstrap(
            Users users,
            ApiTokens tokens,
            PasswordEncoder passwords,
            TransactionTemplate transactions,
            BootstrapProperties properties) {
        this.users = users;
        this.tokens = tokens;
        this.passwords = passwords;
        this.transactions = transactions;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        String password = properties.adminPassword();
        if (password != null && !password.isBlank() && password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException(
                    "PLEDGE_ADMIN_PASSWORD must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        String token = properties.bootstrapToken();
        if (token != null && !token.isBlank() && token.strip().length() < MIN_TOKEN_LENGTH) {
            throw new IllegalStateException(
                    "PLEDGE_BOOTSTRAP_TOKEN must be at least " + MIN_TOKEN_LENGTH + " characters");
        }
        try {
            transactions.executeWithoutResult(status -> bootstrapIfEmpty());
        } catch (DuplicateKeyException concurrentStart) {
            log.info("Another Pledge node bootstrapped the database at the same time; nothing to do");
        }
    }

    private void bootstrapIfEmpty() {
        if (users.count() > 0) {
            return;
        }
        String email = properties.adminEmail();
        String password = properties.adminPassword();
        boolean generated = password == null || password.isBlank();
        if (generated) {
            password = generatePassword();
        }
        users.add(email, passwords.encode(password), Role.ADMIN, null);
        if (generated) {
            // Shown once, by design: there is no other way to reach a fresh instance.
            log.warn("Created admin user {} with generated password: {}  (shown only this once)", email, password);
        } else {
            log.info("Created admin user {} from PLEDGE_ADMIN_EMAIL/PLEDGE_ADMIN_PASSWORD", email);
        }
        String token = properties.bootstrapToken();
        if (token != null && !token.isBlank()) {
            tokens.register(token.strip(), "bootstrap", Role.ADMIN, "bootstrap");
            log.info("Registered PLEDGE_BOOTSTRAP_TOKEN as an admin API token named \"bootstrap\"");
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @ConfigurationProperties("pledge")
    record BootstrapProperties(Admin admin, BootstrapToken bootstrap) {

        BootstrapProperties {
            admin = admin == null ? new Admin(null, null) : admin;
            bootstrap = bootstrap == null ? new BootstrapToken(null) : bootstrap;
        }

        String adminEmail() {
            return admin.email() == null || admin.email().isBlank() ? "admin@pledge.local" : admin.email();
        }

        String adminPassword() {
            return admin.password();
        }

        String bootstrapToken() {
            return bootstrap.token();
        }

        record Admin(String email, String password) {}

        record BootstrapToken(String token) {}
    }
}
