package io.kycflow.cabinet.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Our TOTP against RFC 6238's appendix B test vectors, and the window and replay rules around it. */
class TotpTests {

    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_SEED = ("1234567890123456789012345678901234567890123456789012345678901234")
            .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
            "59, 94287082, 46119246, 90693936",
            "1111111109, 07081804, 68084774, 25091201",
            "1111111111, 14050471, 67062674, 99943326",
            "1234567890, 89005924, 91819424, 93441116",
            "2000000000, 69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"})
    void theRfc6238TestVectors(long unixTime, String sha1, String sha256, String sha512) {
        var step = Totp.step(Instant.ofEpochSecond(unixTime));
        assertThat(Totp.code(SHA1_SEED, step, "HmacSHA1", 8)).isEqualTo(sha1);
        assertThat(Totp.code(SHA256_SEED, step, "HmacSHA256", 8)).isEqualTo(sha256);
        assertThat(Totp.code(SHA512_SEED, step, "HmacSHA512", 8)).isEqualTo(sha512);
        // what the apps show: the same truncation, 6 digits
        assertThat(Totp.code(SHA1_SEED, step)).isEqualTo(sha1.substring(2));
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideAndOnlyAfterTheLastUsedStep() {
        var now = Instant.ofEpochSecond(1_234_567_890);
        var step = Totp.step(now);
        for (long offset = -1; offset <= 1; offset++) {
            assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step + offset), now, 0)).hasValue(step + offset);
        }
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step - 2), now, 0)).isEmpty();
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step + 2), now, 0)).isEmpty();
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step), now, step)).as("replay").isEmpty();
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step + 1), now, step)).hasValue(step + 1);
        assertThat(Totp.matchingStep(SHA1_SEED, "12345", now, 0)).isEmpty();
        assertThat(Totp.matchingStep(SHA1_SEED, "abcdef", now, 0)).isEmpty();
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        var secret = Totp.newSecret();
        assertThat(secret).hasSize(20);
        var text = Base32.encode(secret);
        assertThat(text).hasSize(32);
        assertThat(Base32.decode(Base32.grouped(text).toLowerCase())).isEqualTo(secret);
        assertThat(Totp.uri("kycflow", "a b@example.com", secret))
                .startsWith("otpauth://totp/kycflow:a%20b%40example.com?secret=" + text + "&issuer=kycflow");
    }
}
