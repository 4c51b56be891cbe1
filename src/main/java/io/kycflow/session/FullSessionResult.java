package io.kycflow.session;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.kycflow.shared.JsonSchemas;
import io.kycflow.technology.TechnologyCode;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.node.ObjectNode;

/**
 * The full result ({@code GET /api/v1/flows/session/result/}) in the shape integrators of the system the guide
 * describes already parse: the light result with {@code technologies} as {@code {code, name, description}} objects,
 * plus the verdict fields {@code flow_session_result} and {@code flow_session_failure_reasons}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"sessionId", "flowId", "status", "sandbox", "overallResult", "failureReasons", "technologies", "metadata",
        "createdAt", "startedAt", "finishedAt", "expiresAt", "blocks", "flowSessionResult", "flowSessionFailureReasons"})
public record FullSessionResult(
        @JsonPropertyDescription("Session id.") UUID sessionId,
        @JsonPropertyDescription("The flow the session was created with.") UUID flowId,
        @JsonPropertyDescription("CREATED → IN_PROGRESS → FINISHED (every technology passed) | FAILED (a technology "
                + "failed its last attempt) | EXPIRED; a reviewer may then move FINISHED or FAILED to APPROVED or DECLINED.")
        SessionStatus status,
        @JsonPropertyDescription("True when sandbox providers produced the results (TEST/DEMO organizations).") boolean sandbox,
        @JsonPropertyDescription("The verdict: true when every technology passed, false when one failed, null while open.")
        @Nullable Boolean overallResult,
        @JsonPropertyDescription("Why the session failed: one entry per failed technology, or the expiry, or the person's decline.")
        List<SessionView.Failure> failureReasons,
        @JsonPropertyDescription("The session's technologies, in flow order.") List<Technology> technologies,
        @JsonPropertyDescription("The JSON object given when the session was created, or null.") @Nullable ObjectNode metadata,
        @JsonPropertyDescription("When the session was created.") @JsonSchemas.Format(JsonSchemas.DATE_TIME) String createdAt,
        @JsonPropertyDescription("When the first attempt was recorded; null before.")
        @JsonSchemas.Format(JsonSchemas.DATE_TIME) @Nullable String startedAt,
        @JsonPropertyDescription("When the session reached FINISHED, FAILED or EXPIRED; null while open.")
        @JsonSchemas.Format(JsonSchemas.DATE_TIME) @Nullable String finishedAt,
        @JsonPropertyDescription("When an unfinished session expires (the flow's session_ttl_minutes after creation).")
        @JsonSchemas.Format(JsonSchemas.DATE_TIME) String expiresAt,
        @JsonAnyGetter Map<String, SessionView.Block> blocks,
        @JsonPropertyDescription("The verdict (the same as overall_result): null while the session is open.")
        @Nullable Boolean flowSessionResult,
        @JsonPropertyDescription("The failure-reason codes of failure_reasons, in the same order.")
        List<String> flowSessionFailureReasons) {

    /** A technology of the session as the catalog describes it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Technology(
            @JsonPropertyDescription("Technology code.") TechnologyCode code,
            @JsonPropertyDescription("Technology name.") String name,
            @JsonPropertyDescription("What the technology checks.") String description) {
    }
}
