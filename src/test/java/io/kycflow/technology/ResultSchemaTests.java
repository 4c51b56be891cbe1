package io.kycflow.technology;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** A technology's declared result block is the contract engines are held to: what breaks it is named. */
class ResultSchemaTests {

    private final ResultSchema liveness = new LivenessTechnology().resultSchema();

    @Test
    void aConformingBlockHasNoProblems() {
        assertThat(liveness.problems(json("""
                {"result": true, "failure_reason": null, "sandbox": false, "provider": "kycflow",
                 "prediction": "0.9980", "eye_closed": false, "face_center": {"x": 0.5, "y": 0.4}, "face_direction": "forward"}"""))).isEmpty();
        assertThat(liveness.problems(json("""
                {"result": false, "failure_reason": {"type": "no_face", "detail": "No face."}, "sandbox": false,
                 "provider": "kycflow", "prediction": null, "eye_closed": null, "face_center": null, "face_direction": null}"""))).isEmpty();
    }

    @Test
    void missingMistypedUndeclaredAndContradictoryFieldsAreNamed() {
        var problems = liveness.problems(json("""
                {"result": true, "failure_reason": {"type": "no_face", "detail": "x"}, "sandbox": false, "provider": "p",
                 "prediction": 0.99, "face_center": {"x": "left"}, "face_direction": "sideways", "surname": "X"}"""));
        assertThat(problems).contains("liveness_result.failure_reason must be null when result is true",
                "liveness_result.prediction is not a valid score", "liveness_result.eye_closed is required (null when unknown)",
                "liveness_result.face_center.x is not a valid number", "liveness_result.face_center.y is required",
                "liveness_result.face_direction is not a valid enum", "liveness_result.surname is not declared");
    }

    @Test
    void aFailureMustUseACodeTheTechnologyDeclares() {
        var problems = liveness.problems(json("""
                {"result": false, "failure_reason": {"type": "face_mismatch", "detail": "x"}, "sandbox": true, "provider": "p",
                 "prediction": null, "eye_closed": null, "face_center": null, "face_direction": null}"""));
        assertThat(problems).containsExactly(
                "liveness_result.failure_reason must be {type, detail} with a type declared by liveness_result");
    }

    @Test
    void theJsonSchemaOfABlockAcceptsAndRefusesWhatProblemsDoes() {
        var schema = liveness.jsonSchema();
        var validator = new io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator();
        for (var conforming : new String[] {"""
                {"result": true, "failure_reason": null, "sandbox": false, "provider": "kycflow",
                 "prediction": "0.9980", "eye_closed": false, "face_center": {"x": 0.5, "y": 0.4}, "face_direction": "forward"}""", """
                {"result": false, "failure_reason": {"type": "no_face", "detail": "No face."}, "sandbox": false,
                 "provider": "kycflow", "prediction": null, "eye_closed": null, "face_center": null, "face_direction": null}"""}) {
            assertThat(liveness.problems(json(conforming))).isEmpty();
            assertThat(validator.validate(schema, JsonMapper.shared().readValue(conforming, java.util.Map.class)).valid()).isTrue();
        }
        for (var broken : new String[] {
                "{\"result\": true, \"failure_reason\": null, \"sandbox\": false, \"provider\": \"p\", \"prediction\": 0.99,"
                        + " \"eye_closed\": false, \"face_center\": null, \"face_direction\": null}",
                "{\"result\": false, \"failure_reason\": {\"type\": \"face_mismatch\", \"detail\": \"x\"}, \"sandbox\": true,"
                        + " \"provider\": \"p\", \"prediction\": null, \"eye_closed\": null, \"face_center\": null, \"face_direction\": null}",
                "{\"result\": true, \"failure_reason\": null, \"sandbox\": false, \"provider\": \"p\", \"prediction\": null,"
                        + " \"eye_closed\": null, \"face_center\": {\"x\": 0.5}, \"face_direction\": null}",
                "{\"result\": true, \"failure_reason\": null, \"sandbox\": false, \"provider\": \"p\", \"prediction\": null,"
                        + " \"eye_closed\": null, \"face_center\": null, \"face_direction\": null, \"surname\": \"X\"}"}) {
            assertThat(liveness.problems(json(broken))).as(broken).isNotEmpty();
            assertThat(validator.validate(schema, JsonMapper.shared().readValue(broken, java.util.Map.class)).valid()).as(broken).isFalse();
        }
    }

    @Test
    void everyTechnologyDeclaresItsBlockAndFailureCodes() {
        for (var provider : new TechnologyProvider[] {new LivenessTechnology(), new DocumentRecognitionTechnology(),
                new FaceMatchTechnology(), new EDocumentTechnology()}) {
            var schema = provider.resultSchema();
            assertThat(schema.block()).isEqualTo(provider.resultField()).endsWith("_result");
            assertThat(schema.failureReasons()).isNotEmpty().allSatisfy(reason -> {
                assertThat(reason.code()).matches("[a-z0-9_]+");
                assertThat(reason.description()).endsWith(".");
            });
            assertThat(schema.fields()).extracting(ResultField::name).doesNotContainAnyElementsOf(ResultSchema.COMMON_FIELDS);
        }
    }

    private static tools.jackson.databind.JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }
}
