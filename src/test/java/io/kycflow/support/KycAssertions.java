package io.kycflow.support;

import io.kycflow.shared.KycException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Assertions on the business failures services raise (REST maps them to problem details, MCP to tool errors). */
public final class KycAssertions {

    private KycAssertions() {
    }

    public static KycException assertNotFound(ThrowingCallable call, String code) {
        return assertKyc(call, KycException.Kind.NOT_FOUND, code);
    }

    public static KycException assertConflict(ThrowingCallable call, String code) {
        return assertKyc(call, KycException.Kind.CONFLICT, code);
    }

    /** A validation failure naming {@code field}; returns it so the message can be checked too. */
    public static KycException assertInvalid(ThrowingCallable call, String field) {
        var e = assertKyc(call, KycException.Kind.INVALID, "validation_failed");
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).contains(field);
        return e;
    }

    private static KycException assertKyc(ThrowingCallable call, KycException.Kind kind, String code) {
        var thrown = new KycException[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(KycException.class, e -> {
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
            assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
            thrown[0] = e;
        });
        return thrown[0];
    }
}
