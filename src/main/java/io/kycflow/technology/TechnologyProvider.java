package io.kycflow.technology;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A verification technology's own declaration: its config schema with defaults, its combination rules and the
 * name of its result block. Each technology is one provider bean; nothing else restates these facts.
 */
public interface TechnologyProvider {

    TechnologyCode code();

    ConfigSchema configSchema();

    /** Key of this technology's block in session results, e.g. {@code liveness_result}. */
    String resultField();

    default List<CombinationRule> rules() {
        return List.of();
    }

    /** How many attempts a session step of this technology allows, read from its resolved config. */
    default int maxAttempts(JsonNode config) {
        return Math.max(1, config.path("max_attempts").asInt(1));
    }

    /** Digital-signature flows need CA and signer constraints that only the Cabinet enforces. */
    default boolean mcpCreatable() {
        return !code().isDigitalSignature();
    }
}
