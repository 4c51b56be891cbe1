package io.kycflow.cabinet.internal;

import java.time.Instant;

/** Computes what an authenticator app would show, from the key the enrolment page prints (for tests). */
public final class TotpCodes {

    /** The code of the 30-second step {@code stepsAhead} after the current one (0 = now; at most 1 is accepted). */
    public static String code(String printedKey, int stepsAhead) {
        return Totp.code(Base32.decode(printedKey), Totp.step(Instant.now()) + stepsAhead);
    }

    private TotpCodes() {
    }
}
