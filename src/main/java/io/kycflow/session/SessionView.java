package io.kycflow.session;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.kycflow.shared.JsonSchemas;
import io.kycflow.technology.TechnologyCode;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.node.ObjectNode;

/**
 * A session as the REST API and the MCP tools show it: the structured view ({@code media} absent) and the light
 * result ({@code media} links in every block). Its JSON Schema is derived from these records
 * ({@link JsonSchemas#ofRecord}) and from each technology's declared result block ({@link SessionViews#schema}).
 *
 * @param blocks one per step, keyed as integrators expect ({@code liveness_result}, {@code face2face_result}…), in
 *               flow order
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"sessionId", "flowId", "status", "sandbox", "overallResult", "failureReasons", "technologies", "metadata",
        "createdAt", "startedAt", "finishedAt", "expiresAt", "blocks"})
public record SessionView(
        @JsonPropertyDescription("Session id.") UUID sessionId,
        @JsonPropertyDescription("The flow the session was created with.") UUID flowId,
        @JsonPropertyDescription("CREATED → IN_PROGRESS → FINISHED (every technology passed) | FAILED (a technology "
                + "failed its last attempt) | EXPIRED; a reviewer may then move FINISHED or FAILED to APPROVED or DECLINED.")
        SessionStatus status,
        @JsonPropertyDescription("True when sandbox providers produced the results (TEST/DEMO organizations).") boolean sandbox,
        @JsonPropertyDescription("The verdict: true when every technology passed, false when one failed, null while open.")
        @Nullable Boolean overallResult,
        @JsonPropertyDescription("Why the session failed: one entry per failed technology, or the expiry, or the person's decline.")
        List<Failure> failureReasons,
        @JsonPropertyDescription("Technology codes, in flow order.") List<TechnologyCode> technologies,
        @JsonPropertyDescription("The JSON object given when the session was created, or null.") @Nullable ObjectNode metadata,
        @JsonPropertyDescription("When the session was created.") @JsonSchemas.Format(JsonSchemas.DATE_TIME) String createdAt,
        @JsonPropertyDescription("When the first attempt was recorded; null before.")
        @JsonSchemas.Format(JsonSchemas.DATE_TIME) @Nullable String startedAt,
        @JsonPropertyDescription("When the session reached FINISHED, FAILED or EXPIRED; null while open.")
        @JsonSchemas.Format(JsonSchemas.DATE_TIME) @Nullable String finishedAt,
        @JsonPropertyDescription("When an unfinished session expires (the flow's session_ttl_minutes after creation).")
        @JsonSchemas.Format(JsonSchemas.DATE_TIME) String expiresAt,
        @JsonAnyGetter Map<String, Block> blocks) {

    /** A failed technology (or, with {@code technology} null, the expiry) and why. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Failure(
            @JsonPropertyDescription("The technology that failed; null for the session's expiry or the person's decline.") @Nullable TechnologyCode technology,
            @JsonPropertyDescription("Stable failure-reason code.") String type,
            @JsonPropertyDescription("What went wrong, for people.") String detail) {
    }

    /**
     * One step: its progress and verdict, and, from its first attempt on, the latest attempt's result fields as the
     * technology declares them (with the provider that produced them).
     *
     * @param media        the step's captures as signed links (light result only)
     * @param resultFields the technology's own fields and {@code provider}; empty before the first attempt
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"technology", "status", "result", "attempts", "maxAttempts", "failureReason", "resultFields",
            "sandbox", "startedAt", "finishedAt", "media"})
    public record Block(
            @JsonPropertyDescription("Technology code.") TechnologyCode technology,
            @JsonPropertyDescription("PENDING until the first attempt, IN_PROGRESS while attempts remain, then PASSED or FAILED.")
            StepStatus status,
            @JsonPropertyDescription("true when passed, false when failed for good, null while pending.") @Nullable Boolean result,
            @JsonPropertyDescription("Attempts made so far.") int attempts,
            @JsonPropertyDescription("Attempts the flow allows.") int maxAttempts,
            @JsonPropertyDescription("Why the latest attempt failed; null when it passed or none was made.")
            @Nullable FailureReason failureReason,
            @JsonPropertyDescription("Produced by a sandbox provider.") boolean sandbox,
            @JsonPropertyDescription("When the step's first attempt was recorded; null before.")
            @JsonSchemas.Format(JsonSchemas.DATE_TIME) @Nullable String startedAt,
            @JsonPropertyDescription("When the step passed or failed for good; null until then.")
            @JsonSchemas.Format(JsonSchemas.DATE_TIME) @Nullable String finishedAt,
            @JsonPropertyDescription("The step's captures, as signed links that serve each image to this key until expires_at "
                    + "(light and full results only).")
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<MediaLink> media,
            @JsonAnyGetter Map<String, JsonNode> resultFields) {
    }

    /** One capture, served by a signed link that is bound to the viewer and expires. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MediaLink(
            @JsonPropertyDescription("Media id.") UUID id,
            @JsonPropertyDescription("What it shows: selfie, liveness_frame, document_front, document_back, document_portrait.")
            String kind,
            @JsonPropertyDescription("image/jpeg, image/png or image/webp.") String contentType,
            @JsonPropertyDescription("Signed link that serves the image to this key until expires_at; tampering gives 403.")
            String url,
            @JsonPropertyDescription("When the link stops working.") @JsonSchemas.Format(JsonSchemas.DATE_TIME) String expiresAt) {
    }
}
