package io.kycflow.technology;

import java.util.List;

import org.springframework.stereotype.Component;

@Component
class LivenessTechnology implements TechnologyProvider {

    private static final ConfigSchema SCHEMA = new ConfigSchema("liveness_config", List.of(
            ConfigField.integer("max_attempts", 1, 10, 3, "How many selfie captures the person may try before liveness fails."),
            ConfigField.bool("eye_open_check", true, "Fail captures where the person's eyes are closed."),
            ConfigField.bool("mask_attack_check_required", false, "Also run the mask / 3D spoof attack check."),
            ConfigField.oneOf("challenge", List.of("none", "blink", "head_turn", "random"), "random",
                    "Active challenge the person must perform during capture."),
            ConfigField.number("threshold", 0.5, 0.99, 0.8, "Minimum liveness score (prediction) needed to pass.")));

    private static final ResultSchema RESULT = new ResultSchema("liveness_result", List.of(
            ResultField.score("prediction", "Liveness score of the kept selfie, 0–1, as a string with four decimals.").orNull(),
            ResultField.bool("eye_closed", "Whether the person's eyes were closed on the kept selfie.").orNull(),
            ResultField.object("face_center", "Centre of the face in the kept selfie, as fractions of its width and height.",
                    ResultField.number("x", "Horizontal position, 0 (left) to 1 (right)."),
                    ResultField.number("y", "Vertical position, 0 (top) to 1 (bottom).")).orNull(),
            ResultField.oneOf("face_direction", List.of("forward", "left", "right", "up", "down"),
                    "Where the face was turned on the kept selfie.").orNull()),
            List.of(new FailureCode("no_face", "No face was found in the captures."),
                    new FailureCode("several_faces", "More than one face was in the captures."),
                    new FailureCode("liveness_not_confirmed", "The captures look like a photo, screen or mask, not a live person."),
                    new FailureCode("challenge_failed", "The person did not perform the requested blink or head turn."),
                    new FailureCode("eye_closed", "The person's eyes were closed on the selfie."),
                    new FailureCode("face_changed", "The face changed between the frames of one capture."),
                    new FailureCode("mask_attack", "The mask / 3D spoof check found an attack."),
                    new FailureCode("poor_quality", "The captures were too dark, blurred or small to judge.")));

    @Override
    public TechnologyCode code() {
        return TechnologyCode.LD;
    }

    @Override
    public ConfigSchema configSchema() {
        return SCHEMA;
    }

    @Override
    public ResultSchema resultSchema() {
        return RESULT;
    }
}
