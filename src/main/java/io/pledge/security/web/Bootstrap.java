package io.pledge.security.web;

import io.pledge.core.Secrets;
import io.pledge.security.ApiTokens;
import io.pledge.security.Role;
import io.pledge.security.Users;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
 * {@code PLEDGE_ADMIN_PASSWORD}, or with a generated password written to
 * {@code <data folder>/initial-admin-password}, readable by its owner only) and, when
 * {@code PLEDGE_BOOTSTRAP_TOKEN} is set, registers it as an admin API token for automation. Later
 * starts change nothing.
 */
@Component
@Order(0)
@EnableConfigurationProperties(Bootstrap.BootstrapProperties.class)
class Bootstrap implements ApplicationRunner {

    static final int MIN_PASSWORD_LENGTH = 12;

    /** Where a generated first-start password is written, in the data folder. */
    static final String INITIAL_PASSWORD_FILE = "initial-admin-password";

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
            // Secrets never go to the log: the password goes to a file only its owner may read.
            Path file = writeOwnerOnly(Path.of(properties.dataDir(), INITIAL_PASSWORD_FILE), password);
            log.warn("Created admin user {}; its generated password is in {} (delete the file once read)", email, file);
        } else {
            log.info("Created admin user {} from PLEDGE_ADMIN_EMAIL/PLEDGE_ADMIN_PASSWORD", email);
        }
        String token = properties.bootstrapToken();
        if (token != null && !token.isBlank()) {
            tokens.register(token.strip(), "bootstrap", Role.ADMIN, "bootstrap");
            log.info("Registered PLEDGE_BOOTSTRAP_TOKEN as an admin API token named \"bootstrap\"");
        }
    }

    private static Path writeOwnerOnly(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, text + System.lineSeparator(), StandardCharsets.UTF_8);
            return file.toAbsolutePath().normalize();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the initial admin password to " + file, e);
        }
    }

    private static String generatePassword() {
        return Secrets.newPassword();
    }

    @ConfigurationProperties("pledge")
    record BootstrapProperties(Admin admin, BootstrapToken bootstrap, String dataDir) {

        BootstrapProperties {
            admin = admin == null ? new Admin(null, null) : admin;
            bootstrap = bootstrap == null ? new BootstrapToken(null) : bootstrap;
            dataDir = dataDir == null || dataDir.isBlank() ? "./data" : dataDir;
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
