package io.kycflow.verification;

import java.util.Map;
import java.util.regex.Pattern;

import io.kycflow.technology.TechnologyCode;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What an engine may know about the session beyond the step's own captures: the integrator's metadata and the
 * result blocks of the steps already passed. The digital-signature engines read the signer's expected IIN from here.
 *
 * @param metadata      the session's metadata as the integrator sent it, or null
 * @param passedResults the result block of each passed step, by technology
 */
public record SessionFacts(@Nullable JsonNode metadata, Map<TechnologyCode, JsonNode> passedResults) {

    public static final SessionFacts NONE = new SessionFacts(null, Map.of());
    private static final Pattern IIN = Pattern.compile("\\d{12}");

    public SessionFacts {
        passedResults = Map.copyOf(passedResults);
    }

    /** The 12-digit IIN the metadata holds under {@code key} (text or number), else null. */
    public @Nullable String metadataIin(String key) {
        var value = metadata == null ? null : metadata.get(key);
        return value == null || !(value.isString() || value.isIntegralNumber()) ? null : iin(value.asString());
    }

    /**
     * The person of the e-document a passed ED step fetched ({@code surname}, {@code given_names}, {@code birth_date}),
     * else null. The IIN the person typed for it is deliberately not kept anywhere, so this is who the step found.
     */
    public @Nullable JsonNode edocumentPerson() {
        var block = passedResults.get(TechnologyCode.ED);
        var person = block == null ? null : block.get("person");
        return person == null || !person.isObject() ? null : person;
    }

    private static @Nullable String iin(String text) {
        var trimmed = text.strip();
        return IIN.matcher(trimmed).matches() ? trimmed : null;
    }
}
