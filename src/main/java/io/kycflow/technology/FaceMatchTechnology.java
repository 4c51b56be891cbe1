package io.kycflow.technology;

import java.util.List;

import org.springframework.stereotype.Component;

@Component
class FaceMatchTechnology implements TechnologyProvider {

    private static final ConfigSchema SCHEMA = new ConfigSchema("face2face_config", List.of(
            ConfigField.number("threshold", 0.0, 1.0, 0.85, "Minimum similarity between selfie and reference face to pass."),
            ConfigField.bool("fail_on_several_faces", true, "Fail when more than one face is found in an image."),
            ConfigField.integer("max_attempts", 1, 10, 3, "How many comparisons may be tried before the match fails.")));

    private static final ResultSchema RESULT = new ResultSchema("face2face_result", List.of(
            ResultField.score("similarity", "Similarity of the selfie and the reference face, 0–1, as a string with four decimals.").orNull(),
            ResultField.number("threshold", "The flow's threshold the similarity was compared with."),
            ResultField.bool("several_faces", "Whether more than one face was in an image.").orNull()),
            List.of(new FailureCode("face_mismatch", "The selfie and the reference face are not the same person."),
                    new FailureCode("no_face", "No face was found in one of the images."),
                    new FailureCode("several_faces", "More than one face was in an image and the flow refuses that."),
                    new FailureCode("no_reference_face", "No earlier step produced a reference face to compare with.")));

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
    public ResultSchema resultSchema() {
        return RESULT;
    }

    @Override
    public List<CombinationRule> rules() {
        return RULES;
    }
}
