package io.kycflow.technology;

import java.util.List;

import org.springframework.stereotype.Component;

@Component
class FaceMatchTechnology implements TechnologyProvider {

    private static final ConfigSchema SCHEMA = new ConfigSchema("face2face_config", List.of(
            ConfigField.number("threshold", 0.0, 1.0, 0.85, "Minimum similarity between selfie and reference face to pass."),
            ConfigField.bool("fail_on_several_faces", true, "Fail when more than one face is found in an image."),
            ConfigField.integer("max_attempts", 1, 10, 3, "How many comparisons may be tried before the match fails.")));

    private static final List<CombinationRule> RULES = List.of(
            CombinationRule.requiresBeforeAll("F2F needs a selfie: put LD (liveness) before F2F.", TechnologyCode.LD),
            CombinationRule.requiresBeforeAny("F2F needs a reference face: put DR (document) or ED (e-document) before F2F.",
                    TechnologyCode.DR, TechnologyCode.ED));

    @Override
    public TechnologyCode code() {
        return TechnologyCode.F2F;
    }

    @Override
    public ConfigSchema configSchema() {
        return SCHEMA;
    }

    @Override
    public String resultField() {
        return "face2face_result";
    }

    @Override
    public List<CombinationRule> rules() {
        return RULES;
    }
}
