package io.kycflow.cabinet.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.session.SessionService;
import io.kycflow.session.SessionStatus;
import io.kycflow.support.StandaloneApp;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import io.kycflow.verification.SandboxVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overview's figures: rebuilt from the database at the first view, then kept current by the session engine's
 * events alone (no second read), and the same after a restart of the application on the same data.
 */
class LiveOverviewTests {

    @Test
    void figuresFollowTheEventsAndAreTheSameAfterARestart(@TempDir Path dataDir) {
        UUID org;
        Overview beforeRestart;
        var today = LocalDate.now(ZoneOffset.UTC);
        try (var app = StandaloneApp.start(dataDir)) {
            var sessions = app.bean(SessionService.class);
            var sandbox = app.bean(SandboxVerifier.class);
            var live = app.bean(LiveOverview.class);
            var data = new TestData(app.bean(OrganizationService.class), app.bean(FlowService.class), app.bean(TechnologyCatalog.class));
            org = data.org().organization().id();
            var flow = data.flow(org, null, "{\"liveness_config\":{\"max_attempts\":1}}", TechnologyCode.LD).flow();
            var passed = sandbox.complete(sessions.create(flow, null), true);
            sandbox.complete(sessions.create(flow, null), false);
            var open = sessions.create(flow, null);
            var otherOrg = data.org().organization().id();
            sessions.create(data.flow(otherOrg, TechnologyCode.LD).flow(), null);

            var built = live.overview(org, today, OverviewController.DAYS);
            assertThat(built.sessions()).isEqualTo(3);
            assertThat(built.days()).hasSize(OverviewController.DAYS);
            assertThat(built.days().getLast().counts()).isEqualTo(Map.of(SessionStatus.FINISHED, 1, SessionStatus.FAILED, 1,
                    SessionStatus.CREATED, 1));
            assertThat(built.passRates()).isEqualTo(Map.of(TechnologyCode.LD, new Overview.Rate(1, 2)));
            assertThat(built.medianToFinish()).isNotNull();

            // from here on only the events move the figures: the database is not read again for this organization
            sessions.create(flow, null);
            sandbox.complete(open, true);
            sessions.decide(org, passed.id(), SessionStatus.APPROVED);
            beforeRestart = live.overview(org, today, OverviewController.DAYS);
            assertThat(beforeRestart.sessions()).isEqualTo(4);
            assertThat(beforeRestart.days().getLast().counts()).isEqualTo(Map.of(SessionStatus.APPROVED, 1,
                    SessionStatus.FINISHED, 1, SessionStatus.FAILED, 1, SessionStatus.CREATED, 1));
            assertThat(beforeRestart.passRates()).isEqualTo(Map.of(TechnologyCode.LD, new Overview.Rate(2, 3)));

            // the other organization's events were not counted here, and its figures are its own
            assertThat(live.overview(otherOrg, today, OverviewController.DAYS).sessions()).isEqualTo(1);
        }
        try (var app = StandaloneApp.start(dataDir)) {
            var afterRestart = app.bean(LiveOverview.class).overview(org, today, OverviewController.DAYS);
            assertThat(afterRestart).isEqualTo(beforeRestart);
        }
    }
}
