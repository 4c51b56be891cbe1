package io.kycflow.shared;

import org.jspecify.annotations.Nullable;

/**
 * A business failure with a stable machine-readable code. REST turns it into an RFC 9457 problem, MCP into a
 * tool result with {@code isError}; the message is written for the person or agent who has to act on it.
 */
public class KycException extends RuntimeException {

    /**
     * What kind of refusal: REST answers 400, 401, 403, 404, 409, 413 ({@code TOO_LARGE}), 415
     * ({@code UNSUPPORTED_MEDIA_TYPE}: content that is not of a type accepted, judged by the content itself) and 503
     * ({@code UNAVAILABLE}: a service the request needs is down for now; nothing was changed, try again) and 429
     * ({@code RATE_LIMITED}: over the caller's budget; {@link #retryAfterSeconds()} says when to retry).
     */
    public enum Kind { INVALID, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, UNAVAILABLE, RATE_LIMITED }

    private final Kind kind;
    private final String code;
    private final @Nullable String field;
    private long retryAfterSeconds;

    public KycException(Kind kind, String code, @Nullable String field, String message) {
        super(message, null, false, false); // no stack trace: these are expected outcomes, not bugs
        this.kind = kind;
        this.code = code;
        this.field = field;
    }

    /** 429 with {@code Retry-After}: the caller's budget is spent for now. */
    public static KycException rateLimited(String message, long retryAfterSeconds) {
        var e = new KycException(Kind.RATE_LIMITED, "rate_limited", null, message);
        e.retryAfterSeconds = Math.max(1, retryAfterSeconds);
        return e;
    }

    /** For {@link Kind#RATE_LIMITED} and {@link Kind#UNAVAILABLE}: when to try again (0: not said). */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static KycException invalid(String field, String message) {
        return new KycException(Kind.INVALID, "validation_failed", field, message);
    }

    public static KycException notFound(String code, String message) {
        return new KycException(Kind.NOT_FOUND, code, null, message);
    }

    public static KycException forbidden(String code, String message) {
        return new KycException(Kind.FORBIDDEN, code, null, message);
    }

    public static KycException conflict(String code, String field, String message) {
        return new KycException(Kind.CONFLICT, code, field, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public @Nullable String field() {
        return field;
    }
}
