package io.kycflow.session;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.kycflow.media.MediaKind;
import io.kycflow.media.MediaRef;
import io.kycflow.media.MediaService;
import io.kycflow.shared.JsonSchemas;
import io.kycflow.shared.Timestamps;
import io.kycflow.technology.FailureCode;
import io.kycflow.technology.Technology;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The views of a session shared by the REST API and the MCP tools, so both channels say the same thing, and their
 * JSON Schemas: the records' own ({@link SessionView}, {@link FullSessionResult}) with each per-technology block
 * described by its technology's declared result block ({@link io.kycflow.technology.ResultSchema}).
 */
@Component
public class SessionViews {

    /** The failure type of a session that expired before it was finished. */
    public static final String SESSION_EXPIRED = "session_expired";

    /** The failure type of a session its person declined on the hosted page. */
    public static final String USER_DECLINED = "user_declined";

    /** Fields of a block that are the step's own; an engine's result fields of the same name never replace them. */
    private static final Set<String> STEP_FIELDS = Set.copyOf(JsonSchemas.wireNames(SessionView.Block.class));

    /** Which view a schema describes. */
    public enum Shape {
        /** {@code get_flow_session}, {@code update_flow_session_status}: no media links. */
        STRUCTURED,
        /** The light result (REST and MCP): every block lists its media. */
        LIGHT,
        /** The full result ({@code GET /api/v1/flows/session/result/}). */
        FULL
    }

    private final TechnologyCatalog catalog;
    private final MediaService media;

    SessionViews(TechnologyCatalog catalog, MediaService media) {
        this.catalog = catalog;
        this.media = media;
        for (var technology : catalog.all()) {
            var clash = technology.resultSchema().fields().stream().map(f -> f.name()).filter(STEP_FIELDS::contains).toList();
            if (!clash.isEmpty()) {
                throw new IllegalStateException(technology.resultField() + " declares " + clash
                        + ", which every block already has as a step field");
            }
        }
    }

    /** The structured view: status, verdict and every step's result; no media links. */
    public SessionView structured(Session session) {
        return view(session, null);
    }

    /**
     * The light result: the structured view plus each step's captured media, as short-lived links signed for
     * {@code viewer} (who will look, as the media access log records it: a key's label, never a secret).
     */
    public SessionView light(Session session, String viewer) {
        return view(session, viewer);
    }

    /** The full result: the light result in the compatibility shape (see {@link FullSessionResult}). */
    public FullSessionResult full(Session session, String viewer) {
        var view = view(session, viewer);
        var technologies = new ArrayList<FullSessionResult.Technology>(session.steps().size());
        for (var step : session.steps()) {
            var technology = catalog.get(step.technology());
            technologies.add(new FullSessionResult.Technology(technology.code(), technology.name(), technology.description()));
        }
        return new FullSessionResult(view.sessionId(), view.flowId(), view.status(), view.sandbox(), view.overallResult(),
                view.failureReasons(), technologies, view.metadata(), view.createdAt(), view.startedAt(), view.finishedAt(),
                view.expiresAt(), view.blocks(), session.overallResult(),
                view.failureReasons().stream().map(SessionView.Failure::type).toList());
    }

    /** {@code viewer} null: no media at all (the structured view). */
    private SessionView view(Session session, @Nullable String viewer) {
        var technologies = new ArrayList<TechnologyCode>(session.steps().size());
        session.steps().forEach(step -> technologies.add(step.technology()));
        // A session nobody has captured anything for has no media: no query on the path of fresh sessions.
        var captured = viewer != null && session.startedAt() != null ? media.ofSession(session.id()) : List.<MediaRef>of();
        var blocks = new LinkedHashMap<String, SessionView.Block>();
        boolean hasDr = technologies.contains(TechnologyCode.DR);
        for (var step : session.steps()) {
            blocks.put(catalog.get(step.technology()).resultField(), block(session, step, viewer == null ? null : links(step, captured, viewer, hasDr)));
        }
        return new SessionView(session.id(), session.flowId(), session.status(), session.sandbox(), session.overallResult(),
                failureReasons(session), technologies, session.metadata(), Timestamps.format(session.createdAt()),
                time(session.startedAt()), time(session.finishedAt()), Timestamps.format(session.expiresAt()), blocks);
    }

    private List<SessionView.MediaLink> links(SessionStep step, List<MediaRef> captured, String viewer, boolean hasDr) {
        var links = new ArrayList<SessionView.MediaLink>();
        for (var ref : captured) {
            if (technologyOf(ref.kind(), hasDr) == step.technology()) {
                var url = media.signedUrl(ref.id(), viewer);
                links.add(new SessionView.MediaLink(ref.id(), ref.kind().name().toLowerCase(), ref.contentType(),
                        url.url().toString(), Timestamps.format(url.expiresAt().atOffset(ZoneOffset.UTC))));
            }
        }
        return links;
    }

    /** Which step a kind of capture belongs to; the reference portrait is DR's, or ED's (the e-document photo) without DR. */
    private static TechnologyCode technologyOf(MediaKind kind, boolean hasDr) {
        return switch (kind) {
            case SELFIE, LIVENESS_FRAME -> TechnologyCode.LD;
            case DOCUMENT_FRONT, DOCUMENT_BACK -> TechnologyCode.DR;
            case DOCUMENT_PORTRAIT -> hasDr ? TechnologyCode.DR : TechnologyCode.ED;
        };
    }

    private static SessionView.Block block(Session session, SessionStep step, @Nullable List<SessionView.MediaLink> media) {
        var fields = new LinkedHashMap<String, JsonNode>();
        if (step.result() != null) {
            step.result().properties().forEach(e -> {
                if (!STEP_FIELDS.contains(e.getKey())) {
                    fields.put(e.getKey(), e.getValue());
                }
            });
        }
        return new SessionView.Block(step.technology(), step.status(), step.outcome(), step.attempts(), step.maxAttempts(),
                step.failureReason(), session.sandbox(), time(step.startedAt()), time(step.finishedAt()), media, fields);
    }

    private static List<SessionView.Failure> failureReasons(Session session) {
        var reasons = new ArrayList<SessionView.Failure>();
        for (var step : session.steps()) {
            if (step.status() == StepStatus.FAILED && step.failureReason() != null) {
                reasons.add(new SessionView.Failure(step.technology(), step.failureReason().type(), step.failureReason().detail()));
            }
        }
        if (session.userDeclined()) {
            reasons.add(new SessionView.Failure(null, USER_DECLINED, "The person declined the verification"
                    + (session.finishedAt() == null ? "." : " at " + Timestamps.format(session.finishedAt()) + ".")));
        }
        if (session.status() == SessionStatus.EXPIRED) {
            reasons.add(new SessionView.Failure(null, SESSION_EXPIRED,
                    "The session expired at " + Timestamps.format(session.expiresAt()) + " before it was finished."));
        }
        return reasons;
    }

    private static @Nullable String time(@Nullable OffsetDateTime time) {
        return time == null ? null : Timestamps.format(time);
    }

    // ---------------------------------------------------------------------------------------------- schemas

    /**
     * The JSON Schema (2020-12, portable subset: see {@link JsonSchemas}) of one view: the record's fields, and one
     * optional property per result block of the catalog, present when the flow has that technology.
     */
    public Map<String, Object> schema(Shape shape) {
        var schema = JsonSchemas.ofRecord(shape == Shape.FULL ? FullSessionResult.class : SessionView.class);
        var properties = properties(schema);
        var failure = properties(items(properties.get("failure_reasons")));
        failure.put("type", withEnum(failure.get("type"), failureTypes()));
        if (shape == Shape.FULL) {
            properties.put("flow_session_failure_reasons", ordered("type", "array", "items", withEnum(
                    items(properties.get("flow_session_failure_reasons")), failureTypes()),
                    "description", "The failure-reason codes of failure_reasons, in the same order."));
        }
        var byBlock = new LinkedHashMap<String, List<Technology>>();
        catalog.all().forEach(t -> byBlock.computeIfAbsent(t.resultField(), block -> new ArrayList<>()).add(t));
        byBlock.forEach((block, technologies) -> properties.put(block, blockSchema(technologies, shape)));
        return schema;
    }

    /**
     * One result block: before its first attempt only the step's fields; from then on also {@code provider} and every
     * field the technology declares, typed as it declares them. Both closed, so a field the declaration lacks, or one
     * of its fields missing, fails validation.
     */
    private static Map<String, Object> blockSchema(List<Technology> technologies, Shape shape) {
        var declared = technologies.getFirst().resultSchema();
        var step = JsonSchemas.ofRecord(SessionView.Block.class);
        var common = properties(step);
        common.put("technology", ordered("type", "string", "enum", technologies.stream().map(t -> t.code().name()).toList(),
                "description", "Technology code."));
        common.put("failure_reason", JsonSchemas.nullable(declared.failureReasonSchema(),
                "Why the latest attempt failed; null when it passed or none was made."));
        var required = new ArrayList<>(required(step));
        if (shape == Shape.STRUCTURED) {
            common.remove("media");
        } else {
            var link = properties(items(common.get("media")));
            link.put("kind", withEnum(link.get("kind"), Arrays.stream(MediaKind.values()).map(k -> k.name().toLowerCase()).toList()));
            required.add("media");
        }

        var pending = object(common, required, declared.block() + " before its first attempt: the step's fields only.");
        properties(pending).put("attempts", ordered("type", "integer", "const", 0, "description", "No attempt yet."));

        var engine = declared.jsonSchema();
        var attemptedProperties = new LinkedHashMap<>(common);
        attemptedProperties.put("attempts", ordered("type", "integer", "minimum", 1, "description", "Attempts made so far."));
        var attemptedRequired = new ArrayList<>(required);
        properties(engine).forEach((name, fieldSchema) -> {
            if (!STEP_FIELDS.contains(name)) { // result, failure_reason and sandbox are the step's; provider and the rest pass through
                attemptedProperties.put(name, fieldSchema);
                attemptedRequired.add(name);
            }
        });
        var attempted = object(attemptedProperties, attemptedRequired, declared.block()
                + " once attempted: the step's fields, the provider and the latest attempt's result fields.");

        var names = String.join(", ", technologies.stream().map(t -> t.code() + " (" + t.name() + ")").toList());
        return ordered("anyOf", List.of(pending, attempted), "description", "Result block of " + names
                + ", present when the flow has it. Failure-reason codes: "
                + String.join(", ", declared.failureReasons().stream().map(FailureCode::code).toList()) + ".");
    }

    /** Every failure type a session may report: each technology's declared codes, the expiry and the decline. */
    private List<String> failureTypes() {
        var types = new ArrayList<String>();
        var seen = new HashSet<String>();
        for (var technology : catalog.all()) {
            technology.resultSchema().failureReasons().forEach(reason -> {
                if (seen.add(reason.code())) {
                    types.add(reason.code());
                }
            });
        }
        types.add(SESSION_EXPIRED);
        types.add(USER_DECLINED);
        return types;
    }

    private static Map<String, Object> object(Map<String, Object> properties, List<String> required, String description) {
        var schema = new LinkedHashMap<String, Object>();
        schema.put("type", "object");
        schema.put("description", description);
        schema.put("properties", new LinkedHashMap<>(properties));
        schema.put("required", List.copyOf(required));
        schema.put("additionalProperties", false);
        return schema;
    }

    /** A schema from name, value pairs, in that order (published schemas keep a stable order: docs are generated from them). */
    private static Map<String, Object> ordered(Object... pairs) {
        var schema = new LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            schema.put((String) pairs[i], pairs[i + 1]);
        }
        return schema;
    }

    private static Map<String, Object> withEnum(Object schema, List<String> values) {
        var copy = new LinkedHashMap<>(cast(schema));
        copy.put("enum", values);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object schema) {
        return (Map<String, Object>) schema;
    }

    private static Map<String, Object> properties(Object schema) {
        return cast(cast(schema).get("properties"));
    }

    private static Map<String, Object> items(Object schema) {
        return cast(cast(schema).get("items"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> required(Map<String, Object> schema) {
        return (List<String>) schema.get("required");
    }
}
