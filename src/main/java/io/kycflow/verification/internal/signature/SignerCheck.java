package io.kycflow.verification.internal.signature;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.kycflow.technology.SignerIdentityRule;
import io.kycflow.verification.SessionFacts;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The flow's {@code signer_identity} rule applied to one session: who the signer's certificate must name. Shared by
 * the real engine and the sandbox, so both fail the same sessions with {@code signer_mismatch}.
 *
 * @param expectedIin    for SESSION_IIN, the IIN the session's metadata holds (null: none)
 * @param expectedPerson for ED_PERSON, the e-document step's person (null: no such step passed)
 * @param source         where the expectation comes from, in words, for the failure's detail
 */
public record SignerCheck(SignerIdentityRule rule, @Nullable String expectedIin, @Nullable JsonNode expectedPerson,
                          String source) {

    public static final String MISMATCH = "signer_mismatch";

    /** The check the flow's resolved {@code digital_signature_config} asks for in this session. */
    public static SignerCheck of(JsonNode config, SessionFacts session) {
        var rule = SignerIdentityRule.of(config.path("signer_identity").asString("ANY"));
        return switch (rule) {
            case ANY -> new SignerCheck(rule, null, null, "");
            case SESSION_IIN -> {
                var key = config.path("signer_iin_metadata_key").asString("iin");
                yield new SignerCheck(rule, session.metadataIin(key), null, "the session's metadata field '" + key + "'");
            }
            case ED_PERSON -> new SignerCheck(rule, null, session.edocumentPerson(), "the e-document step of this session");
        };
    }

    public boolean applies() {
        return rule != SignerIdentityRule.ANY;
    }

    /** Whether the session holds what the rule compares with. */
    public boolean expectationKnown() {
        return rule == SignerIdentityRule.ANY || expectedIin != null || expectedPerson != null;
    }

    /** Why a signer whose certificate says {@code commonName} and {@code iin} is refused, or null when they may sign. */
    public @Nullable String refusal(@Nullable String commonName, @Nullable String iin) {
        if (!applies()) {
            return null;
        }
        if (!expectationKnown()) {
            return "The flow accepts only the person this session verifies, but " + source + " gives no "
                    + (rule == SignerIdentityRule.SESSION_IIN ? "12-digit IIN" : "person") + " to compare the signer's "
                    + "certificate with.";
        }
        if (iin == null) {
            return "The flow accepts only the person this session verifies; the signer's certificate names no IIN.";
        }
        boolean same = rule == SignerIdentityRule.SESSION_IIN ? iin.equals(expectedIin) : samePerson(commonName, iin);
        return same ? null : "The signer's certificate belongs to another person than the one " + source + " names.";
    }

    /** Surname and first given name among the common name's words, and the IIN's birth date the e-document's. */
    private boolean samePerson(@Nullable String commonName, String iin) {
        var words = words(commonName);
        var surname = words(expectedPerson.path("surname").asString(""));
        var given = words(expectedPerson.path("given_names").asString(""));
        var birth = birthDate(iin);
        return !surname.isEmpty() && words.containsAll(surname) && !given.isEmpty()
                && words.contains(expectedPerson.path("given_names").asString("").strip().split("\\s+")[0].toUpperCase(Locale.ROOT))
                && birth != null && birth.toString().equals(expectedPerson.path("birth_date").asString(""));
    }

    private static Set<String> words(@Nullable String text) {
        return text == null ? Set.of() : Arrays.stream(text.toUpperCase(Locale.ROOT).split("[\\s,]+"))
                .filter(w -> !w.isEmpty()).collect(Collectors.toSet());
    }

    /**
     * The birth date a Kazakh IIN encodes: YYMMDD, then the century by its seventh digit (1–2: 1800s, 3–4: 1900s,
     * 5–6: 2000s); null when it encodes none.
     */
    public static @Nullable LocalDate birthDate(String iin) {
        if (iin.length() != 12) {
            return null;
        }
        var century = switch (iin.charAt(6)) {
            case '1', '2' -> 1800;
            case '3', '4' -> 1900;
            case '5', '6' -> 2000;
            default -> -1;
        };
        try {
            return century < 0 ? null : LocalDate.parse(String.format("%04d-%s-%s", century + Integer.parseInt(iin.substring(0, 2)),
                    iin.substring(2, 4), iin.substring(4, 6)));
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }
}
