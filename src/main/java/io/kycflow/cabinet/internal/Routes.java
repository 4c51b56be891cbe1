package io.kycflow.cabinet.internal;

import java.util.List;

import static io.kycflow.cabinet.CabinetRole.ADMIN;
import static io.kycflow.cabinet.CabinetRole.OWNER;
import static io.kycflow.cabinet.CabinetRole.REVIEWER;
import static io.kycflow.cabinet.CabinetRole.VIEWER;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * Every Cabinet route and the least role it needs: the one table {@link CabinetSecurity} builds its rules from.
 * Anything under {@code /cabinet/} that is not listed is refused; a controller mapping without a row here fails
 * {@code CabinetAccessTests}. Controllers check the same roles again where one page shows more to more roles.
 */
final class Routes {

    static final String LOGIN = "/cabinet/login";

    static final List<Route> ALL = List.of(
            Route.open(GET, LOGIN),
            Route.open(POST, LOGIN),                      // Spring Security's login filter
            Route.open(GET, "/cabinet/invitations/{token}"),
            Route.open(POST, "/cabinet/invitations/{token}"),
            Route.open(GET, "/cabinet/assets/**"),
            Route.open(POST, "/cabinet/logout"),          // Spring Security's logout filter: ends whatever session there is
            Route.secondStep(GET, SignIns.SECOND_STEP_PAGE),
            Route.secondStep(POST, SignIns.SECOND_STEP_PAGE),
            Route.of(POST, "/cabinet/account/logout-everywhere", VIEWER),
            Route.enrolment(GET, SignIns.ENROLMENT_PAGE),
            Route.enrolment(POST, SignIns.ENROLMENT_PAGE),
            Route.of(POST, "/cabinet/account/two-factor/disable", VIEWER),
            Route.of(GET, "/cabinet/", VIEWER),
            Route.of(GET, "/cabinet/sessions", VIEWER),
            Route.of(POST, "/cabinet/sessions/search", VIEWER), // the filter form; a metadata value only from REVIEWER up
            Route.of(GET, "/cabinet/sessions/{id}", VIEWER),
            Route.of(GET, "/cabinet/sessions/{id}/media/{mediaId}", REVIEWER),
            Route.of(POST, "/cabinet/sessions/{id}/decision", REVIEWER),
            Route.of(POST, "/cabinet/sessions/{id}/messages", REVIEWER),
            Route.of(GET, "/cabinet/api-key", ADMIN),
            Route.of(POST, "/cabinet/api-key/reveal", ADMIN),
            Route.of(POST, "/cabinet/api-key/rotate", ADMIN),
            Route.of(GET, "/cabinet/members", OWNER),
            Route.of(POST, "/cabinet/members/invitations", OWNER),
            Route.of(POST, "/cabinet/members/invitations/revoke", OWNER),
            Route.of(POST, "/cabinet/members/{id}/role", OWNER),
            Route.of(POST, "/cabinet/members/{id}/remove", OWNER),
            Route.of(POST, "/cabinet/members/two-factor-required", OWNER),
            Route.of(GET, "/cabinet/audit", ADMIN),
            Route.of(GET, "/cabinet/audit.csv", ADMIN),
            Route.of(GET, "/cabinet/technologies", VIEWER),
            Route.of(GET, "/cabinet/flows", VIEWER),
            Route.of(GET, "/cabinet/flows/new", ADMIN),       // before /cabinet/flows/{id}: the first matching rule wins
            Route.of(POST, "/cabinet/flows/new", ADMIN),
            Route.of(GET, "/cabinet/flows/{id}", VIEWER),
            Route.of(GET, "/cabinet/flows/{id}/edit", ADMIN),
            Route.of(POST, "/cabinet/flows/{id}/edit", ADMIN),
            Route.of(POST, "/cabinet/flows/{id}/key/reveal", ADMIN),
            Route.of(POST, "/cabinet/flows/{id}/key/rotate", ADMIN)
    );

    /** Routes handled by Spring Security's own filters rather than a controller. */
    static boolean handledBySecurity(Route route) {
        return route.pattern().equals(LOGIN) && route.method() == POST || route.pattern().equals("/cabinet/logout");
    }

    private Routes() {
    }
}
