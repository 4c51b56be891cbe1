package io.kycflow.technology;

import java.util.List;
import java.util.UUID;

/** A catalog entry: the stable row (id, code, name, description) joined with its provider's declarations. */
public record Technology(UUID id, TechnologyCode code, String name, String description, TechnologyProvider provider) {

    public String configField() {
        return provider.configSchema().name();
    }

    public ConfigSchema configSchema() {
        return provider.configSchema();
    }

    public String resultField() {
        return provider.resultField();
    }

    public ResultSchema resultSchema() {
        return provider.resultSchema();
    }

    public boolean mcpCreatable() {
        return provider.mcpCreatable();
    }

    public List<CombinationRule> rules() {
        return provider.rules();
    }
}
