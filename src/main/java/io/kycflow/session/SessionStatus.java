package io.kycflow.session;

import java.util.Set;

/**
 * Session lifecycle: CREATED → IN_PROGRESS → FINISHED | FAILED | EXPIRED; a reviewer may then move a FINISHED
 * or FAILED session to APPROVED or DECLINED.
 */
public enum SessionStatus {
    CREATED, IN_PROGRESS, FINISHED, FAILED, EXPIRED, APPROVED, DECLINED;

    public boolean isOpen() {
        return this == CREATED || this == IN_PROGRESS;
    }

    public boolean canBeReviewedTo(SessionStatus target) {
        return (this == FINISHED || this == FAILED) && Set.of(APPROVED, DECLINED).contains(target);
    }
}
