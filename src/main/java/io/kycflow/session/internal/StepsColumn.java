package io.kycflow.session.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kycflow.session.FailureReason;
import io.kycflow.session.SessionStep;
import io.kycflow.session.StepStatus;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A session's steps as one JSON column of its row ({@code flow_session.steps}), in flow order: technology code,
 * status, attempts and budget, the latest result block and failure, times. A session is one row, written in one
 * statement when it is created and when an attempt changes it (under its row lock); every attempt is also kept in
 * {@code step_attempt}. The names are spelt out: an operator reading the table should not need this class.
 */
final class StepsColumn {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<StoredStep>> STEPS = new TypeReference<>() {
    };

    private StepsColumn() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StoredStep(@JsonProperty("technology") String technology, @JsonProperty("status") String status,
                      @JsonProperty("attempts") int attempts, @JsonProperty("max_attempts") int maxAttempts,
                      @JsonProperty("result") @Nullable ObjectNode result,
                      @JsonProperty("failure_type") @Nullable String failureType,
                      @JsonProperty("failure_detail") @Nullable String failureDetail,
                      @JsonProperty("started_at") @Nullable OffsetDateTime startedAt,
                      @JsonProperty("finished_at") @Nullable OffsetDateTime finishedAt) {
    }

    static String write(List<SessionStep> steps) {
        if (steps.stream().allMatch(StepsColumn::untouched)) {
            return untouched(steps);
        }
        var stored = new ArrayList<StoredStep>(steps.size());
        for (var step : steps) {
            var failure = step.failureReason();
            stored.add(new StoredStep(step.technology().name(), step.status().name(), step.attempts(), step.maxAttempts(),
                    step.result(), failure == null ? null : failure.type(), failure == null ? null : failure.detail(),
                    step.startedAt(), step.finishedAt()));
        }
        return JSON.writeValueAsString(stored);
    }

    private static boolean untouched(SessionStep step) {
        return step.status() == StepStatus.PENDING && step.attempts() == 0 && step.result() == null
                && step.failureReason() == null && step.startedAt() == null && step.finishedAt() == null;
    }

    /**
     * A new session's steps, the same JSON as Jackson writes for them (a test holds the two together), without
     * Jackson: each new session's steps are written twice on its way in (the journal and the row), and two record
     * serializations were a tenth of the group-commit writer's CPU per session.
     */
    static String untouched(List<SessionStep> steps) {
        var json = new StringBuilder(64 * steps.size()).append('[');
        for (var step : steps) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"technology\":\"").append(step.technology().name())
                    .append("\",\"status\":\"PENDING\",\"attempts\":0,\"max_attempts\":").append(step.maxAttempts())
                    .append('}');
        }
        return json.append(']').toString();
    }

    /**
     * Only each step's technology and status, for reading many sessions at once (the Cabinet's overview rebuild):
     * a streaming pass that skips results and times, where {@link #read} binds every step.
     */
    static Map<TechnologyCode, StepStatus> statuses(String column) {
        var statuses = new EnumMap<TechnologyCode, StepStatus>(TechnologyCode.class);
        try (var parser = JSON.createParser(column)) {
            String technology = null;
            String status = null;
            for (var token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_OBJECT) {
                    technology = null;
                    status = null;
                } else if (token == JsonToken.PROPERTY_NAME) {
                    var name = parser.currentName();
                    var value = parser.nextToken();
                    if ("technology".equals(name)) {
                        technology = parser.getString();
                    } else if ("status".equals(name)) {
                        status = parser.getString();
                    } else if (value.isStructStart()) {
                        parser.skipChildren();
                    }
                } else if (token == JsonToken.END_OBJECT && technology != null && status != null) {
                    statuses.put(TechnologyCode.valueOf(technology), StepStatus.valueOf(status));
                }
            }
        }
        return statuses;
    }

    static List<SessionStep> read(String column, TechnologyCatalog catalog) {
        var stored = JSON.readValue(column, STEPS);
        var steps = new ArrayList<SessionStep>(stored.size());
        for (var step : stored) {
            var technology = catalog.get(TechnologyCode.valueOf(step.technology()));
            steps.add(new SessionStep(steps.size(), technology.id(), technology.code(), StepStatus.valueOf(step.status()),
                    step.attempts(), step.maxAttempts(), step.result(),
                    step.failureType() == null ? null : new FailureReason(step.failureType(),
                            step.failureDetail() == null ? "" : step.failureDetail()),
                    step.startedAt(), step.finishedAt()));
        }
        return steps;
    }

    /**
     * The steps of a plan, {@code LD:3,DR:3} (technology code and attempt budget, in flow order), all pending: how
     * sessions kept their steps before this column (V6 converts stored ones; a journal written then may hold them).
     */
    static List<SessionStep> fromPlan(String plan, TechnologyCatalog catalog) {
        var steps = new ArrayList<SessionStep>();
        for (var entry : plan.split(",")) {
            int colon = entry.indexOf(':');
            var technology = catalog.get(TechnologyCode.valueOf(entry.substring(0, colon)));
            steps.add(new SessionStep(steps.size(), technology.id(), technology.code(), StepStatus.PENDING, 0,
                    Integer.parseInt(entry.substring(colon + 1)), null, null, null, null));
        }
        return steps;
    }
}
