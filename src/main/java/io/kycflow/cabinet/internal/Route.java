package io.kycflow.cabinet.internal;

import io.kycflow.cabinet.CabinetRole;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

/**
 * One rule of the Cabinet's route table.
 *
 * @param pattern a Spring path pattern as the controller maps it
 * @param minimum the least role allowed; null for a page anyone may open (sign-in, invitation, assets)
 */
record Route(HttpMethod method, String pattern, @Nullable CabinetRole minimum) {

    static Route open(HttpMethod method, String pattern) {
        return new Route(method, pattern, null);
    }

    static Route of(HttpMethod method, String pattern, CabinetRole minimum) {
        return new Route(method, pattern, minimum);
    }
}
