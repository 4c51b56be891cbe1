package io.kycflow.cabinet.internal;

import io.kycflow.cabinet.CabinetRole;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

/**
 * One rule of the Cabinet's route table.
 *
 * @param pattern a Spring path pattern as the controller maps it
 * @param minimum the least role allowed; null with no {@code partway} state for a page anyone may open (sign-in,
 *                invitation, assets)
 * @param partway a part-way sign-in state ({@link SignIns#SECOND_STEP}, {@link SignIns#ENROLMENT}) that may also
 *                use the route; null for none
 */
record Route(HttpMethod method, String pattern, @Nullable CabinetRole minimum, @Nullable String partway) {

    static Route open(HttpMethod method, String pattern) {
        return new Route(method, pattern, null, null);
    }

    static Route of(HttpMethod method, String pattern, CabinetRole minimum) {
        return new Route(method, pattern, minimum, null);
    }

    /** Only for a member between their password and their second factor. */
    static Route secondStep(HttpMethod method, String pattern) {
        return new Route(method, pattern, null, SignIns.SECOND_STEP);
    }

    /** For every member, and for one whose organization requires two-factor before they have enrolled. */
    static Route enrolment(HttpMethod method, String pattern) {
        return new Route(method, pattern, CabinetRole.VIEWER, SignIns.ENROLMENT);
    }

    boolean isOpen() {
        return minimum == null && partway == null;
    }
}
