package io.kycflow.technology;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A verification technology's own declaration: its config schema with defaults, its combination rules and its
 * result block (fields and failure-reason codes). Each technology is one provider bean; nothing else restates these facts.
 */
public interface TechnologyProvider {

    TechnologyCode code();

    ConfigSchema configSchema();

    /** Its result block: the name (e.g. {@code liveness_result}), the fields and the failure-reason codes. */
    ResultSchema resultSchema();

    /** Key of this technology's block in session results, e.g. {@code liveness_result}. */
    default String resultField() {
        return resultSchema().block();
    }

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
