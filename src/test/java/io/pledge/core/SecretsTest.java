package io.pledge.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsTest {

    private static final String URL_SAFE_BASE64 = "[A-Za-z0-9_-]";

    @Test
    void aSecretIs256RandomBitsInUrlSafeBase64WithoutPadding() {
        String secret = Secrets.newSecret();

        assertThat(secret).matches(URL_SAFE_BASE64 + "{43}");
        assertThat(Base64.getUrlDecoder().decode(secret)).hasSize(32);
    }

    @Test
    void aPrefixedSecretKeepsItsPrefixBeforeThe256Bits() {
        String token = Secrets.newSecret("plg_");

        assertThat(token).matches("plg_" + URL_SAFE_BASE64 + "{43}");
        assertThat(Base64.getUrlDecoder().decode(token.substring(4))).hasSize(32);
    }

    @Test
    void aPasswordIs144RandomBitsInUrlSafeBase64() {
        String password = Secrets.newPassword();

        assertThat(password).matches(URL_SAFE_BASE64 + "{24}");
        assertThat(Base64.getUrlDecoder().decode(password)).hasSize(18);
    }

    @Test
    void everySecretAndPasswordIsNew() {
        Set<String> secrets = new HashSet<>();
        Set<String> passwords = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            secrets.add(Secrets.newSecret());
            passwords.add(Secrets.newPassword());
        }
        assertThat(secrets).hasSize(10_000);
        assertThat(passwords).hasSize(10_000);
    }

    @Test
    void theBitsAreSpreadOverTheWholeAlphabet() {
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            Secrets.newSecret().chars().forEach(c -> seen.add((char) c));
        }
        // 64 symbols of URL-safe Base64; a constant or narrow source would show far fewer.
        assertThat(seen).hasSize(64);
    }

    @Test
    void storesTheSha256OfTheUtf8BytesInLowerCaseHex() {
        // printf '%s' plg_example | sha256sum
        assertThat(Secrets.sha256("plg_example"))
                .isEqualTo("ea4bd940fe989cf5877e87e3ad901e0f7c846414288aba6664fa42ba6d3ff97a");
    }
}
