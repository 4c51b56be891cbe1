package io.kycflow.session.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.kycflow.session.FailureReason;
import io.kycflow.session.SessionStep;
import io.kycflow.session.StepStatus;
import io.kycflow.technology.TechnologyCode;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class StepsColumnTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static SessionStep pending(int position, TechnologyCode code, int budget) {
        return new SessionStep(position, UUID.randomUUID(), code, StepStatus.PENDING, 0, budget, null, null, null, null);
    }

    @Test
    void aNewSessionsStepsAreWrittenAsJacksonWritesThem() {
        for (var steps : List.of(List.of(pending(0, TechnologyCode.LD, 3)),
                List.of(pending(0, TechnologyCode.LD, 3), pending(1, TechnologyCode.DR, 5), pending(2, TechnologyCode.F2F, 1)))) {
            var stored = steps.stream().map(s -> new StepsColumn.StoredStep(s.technology().name(), s.status().name(), 0,
                    s.maxAttempts(), null, null, null, null, null)).toList();
            assertThat(StepsColumn.write(steps)).isEqualTo(JSON.writeValueAsString(stored))
                    .isEqualTo(StepsColumn.untouched(steps));
        }
    }

    @Test
    void aStepWithAnAttemptGoesThroughJacksonAndComesBack() {
        var now = OffsetDateTime.of(2026, 12, 5, 10, 0, 0, 0, ZoneOffset.UTC);
        var failed = new SessionStep(0, UUID.randomUUID(), TechnologyCode.LD, StepStatus.IN_PROGRESS, 1, 3,
                JSON.createObjectNode().put("result", false), new FailureReason("no_face", "no face \"found\""), now, null);
        var column = StepsColumn.write(List.of(failed, pending(1, TechnologyCode.DR, 3)));
        assertThat(column).contains("\"attempts\":1", "no_face", "\\\"found\\\"");
        assertThat(JSON.readTree(column).get(1).toString()).isEqualTo(StepsColumn.untouched(List.of(pending(1, TechnologyCode.DR, 3)))
                .replaceAll("^\\[|]$", ""));
    }

    @Test
    void theOverviewsStreamingReadTakesEachStepsOwnStatusNotOneInsideItsResult() {
        var column = """
                [{"technology":"LD","status":"PASSED","attempts":1,"max_attempts":3,"result":{"status":"FAILED","n":[1,{"status":"x"}]}},\
                {"result":{"status":"PASSED"},"status":"FAILED","technology":"DR","attempts":3,"max_attempts":3},\
                {"technology":"F2F","status":"PENDING","attempts":0,"max_attempts":1}]""";
        assertThat(StepsColumn.statuses(column)).isEqualTo(java.util.Map.of(TechnologyCode.LD, StepStatus.PASSED,
                TechnologyCode.DR, StepStatus.FAILED, TechnologyCode.F2F, StepStatus.PENDING));
    }
}
