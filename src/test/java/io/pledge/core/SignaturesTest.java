package io.pledge.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signed bodies. The expected signatures were computed apart from Pledge, e.g.
 * {@code printf '%s.%s' 1795000000 '{"events":[]}' | openssl dgst -sha256 -hmac <secret>}.
 */
class SignaturesTest {

    private static final String SECRET = "a-source-secret-of-at-least-32-characters";
    private static final String TIMESTAMP = "1795000000";
    private static final String BODY = "{\"events\":[]}";
    private static final String SIGNATURE = "sha256=13d74c560804e74954613953cb87f74506d43c37cf706d007d3d97e077a6f622";

    @Test
    void signsTheTimestampADotAndTheBodyWithHmacSha256InLowerCaseHex() {
        assertThat(Signatures.sign(SECRET, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
        assertThat(Signatures.sign(SECRET, TIMESTAMP, BODY.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(SIGNATURE);
    }

    @Test
    void secretAndBodyAreTakenAsUtf8() {
        assertThat(Signatures.sign("clé", TIMESTAMP, "héllo"))
                .isEqualTo("sha256=2c314669555829202c92f54ea88321180bed544519cba14d984e09fb0cd44d9f");
        assertThat(Signatures.sign("k", TIMESTAMP, ""))
                .isEqualTo("sha256=a8f48e163d0ee07b1203a1ed4989a04bc1bd64324436fe21aabbbd4c4a74cd89");
    }

    @Test
    void verifiesTheRightSignatureInEitherCaseAndWithBlanksAroundTheHex() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);

        assertThat(Signatures.verifies(SECRET, TIMESTAMP, body, SIGNATURE)).isTrue();
        assertThat(Signatures.verifies(
                        SECRET,
                        TIMESTAMP,
                        body,
                        "sha256=" + SIGNATURE.substring(7).toUpperCase()))
                .isTrue();
        assertThat(Signatures.verifies(SECRET, TIMESTAMP, body, "sha256= " + SIGNATURE.substring(7) + " "))
                .isTrue();
    }

    @Test
    void refusesASignatureOfAnotherSecretTimestampOrBody() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);

        assertThat(Signatures.verifies(SECRET + "x", TIMESTAMP, body, SIGNATURE))
                .isFalse();
        assertThat(Signatures.verifies(SECRET, "1795000001", body, SIGNATURE)).isFalse();
        assertThat(Signatures.verifies(
                        SECRET, TIMESTAMP, "{\"events\":[{}]}".getBytes(StandardCharsets.UTF_8), SIGNATURE))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // one hex digit changed, at the start and at the end
                "sha256=03d74c560804e74954613953cb87f74506d43c37cf706d007d3d97e077a6f622",
                "sha256=13d74c560804e74954613953cb87f74506d43c37cf706d007d3d97e077a6f623",
                // truncated, and one byte too many
                "sha256=13d74c560804e74954613953cb87f74506d43c37cf706d007d3d97e077a6f6",
                "sha256=13d74c560804e74954613953cb87f74506d43c37cf706d007d3d97e077a6f62200",
                // wrong or missing prefix
                "sha1=13d74c560804e74954613953cb87f74506d43c37cf706d007d3d97e077a6f622",
                "SHA256=13d74c560804e74954613953cb87f74506d43c37cf706d007d3d97e077a6f622",
                "13d74c560804e74954613953cb87f74506d43c37cf706d007d3d97e077a6f622",
                // malformed hex
                "sha256=13d74c560804e74954613953cb87f74506d43c37cf706d007d3d97e077a6f62",
                "sha256=zzd74c560804e74954613953cb87f74506d43c37cf706d007d3d97e077a6f622",
                "sha256=",
                ""
            })
    void refusesAWrongPrefixedOrMalformedSignature(String header) {
        assertThat(Signatures.verifies(SECRET, TIMESTAMP, BODY.getBytes(StandardCharsets.UTF_8), header))
                .isFalse();
    }

    @Test
    void refusesWhatIsMissing() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);

        assertThat(Signatures.verifies(SECRET, TIMESTAMP, body, null)).isFalse();
        assertThat(Signatures.verifies(SECRET, null, body, SIGNATURE)).isFalse();
        assertThat(Signatures.verifies(null, TIMESTAMP, body, SIGNATURE)).isFalse();
    }

    @Test
    void aTimestampIsFreshUpToFiveMinutesEitherWay() {
        Instant now = Instant.ofEpochSecond(1_795_000_000L);

        assertThat(Signatures.fresh("1795000000", now)).isTrue();
        assertThat(Signatures.fresh(" 1795000300 ", now)).isTrue();
        assertThat(Signatures.fresh("1794999700", now)).isTrue();
        assertThat(Signatures.fresh("1795000301", now)).isFalse();
        assertThat(Signatures.fresh("1794999699", now)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "1795000000.5", "2026-11-18T11:06:40Z", "99999999999999999999"})
    void aTimestampThatIsNotUnixSecondsIsNotFresh(String timestamp) {
        assertThat(Signatures.fresh(timestamp, Instant.ofEpochSecond(1_795_000_000L)))
                .isFalse();
    }

    @Test
    void noTimestampIsNotFresh() {
        assertThat(Signatures.fresh(null, Instant.ofEpochSecond(1_795_000_000L)))
                .isFalse();
    }
}
