package io.kycflow.verification.internal.signature;

import io.kycflow.technology.SignerIdentityRule;
import io.kycflow.verification.SessionFacts;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The flow's {@code signer_identity} rule applied to one session: whose IIN the signer's certificate must carry.
 * Shared by the real engine and the sandbox, so both fail the same sessions with {@code signer_mismatch}.
 *
 * @param expectedIin the IIN the rule demands; null when the rule needs one and the session has none
 * @param source      where the IIN comes from, in words, for the failure's detail
 */
public record SignerCheck(SignerIdentityRule rule, @Nullable String expectedIin, String source) {

    public static final String MISMATCH = "signer_mismatch";

    /** The check the flow's resolved {@code digital_signature_config} asks for in this session. */
    public static SignerCheck of(JsonNode config, SessionFacts session) {
        var rule = SignerIdentityRule.of(config.path("signer_identity").asString("ANY"));
        return switch (rule) {
            case ANY -> new SignerCheck(rule, null, "");
            case SESSION_IIN -> {
                var key = config.path("signer_iin_metadata_key").asString("iin");
                yield new SignerCheck(rule, session.metadataIin(key), "the session's metadata field '" + key + "'");
            }
            case ED_RESULT_IIN -> new SignerCheck(rule, session.edocumentIin(), "the e-document step of this session");
        };
    }

    public boolean applies() {
        return rule != SignerIdentityRule.ANY;
    }

    /** Why a signer with {@code certificateIin} is refused, or null when they may sign. */
    public @Nullable String refusal(@Nullable String certificateIin) {
        if (!applies()) {
            return null;
        }
        if (expectedIin == null) {
            return "The flow accepts only the person this session verifies, but " + source + " holds no 12-digit IIN "
                    + "to compare the signer's certificate with.";
        }
        if (certificateIin == null) {
            return "The flow accepts only the person this session verifies; the signer's certificate names no IIN.";
        }
        return certificateIin.equals(expectedIin) ? null : "The signer's certificate belongs to another person than "
                + "the one " + source + " names.";
    }
}
