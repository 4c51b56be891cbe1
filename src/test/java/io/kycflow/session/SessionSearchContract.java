package io.kycflow.session;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import io.kycflow.verification.SandboxVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The Cabinet's session list on a real database: keyset pages by time-ordered id, filters, tenancy. */
abstract class SessionSearchContract {

    @Autowired
    SessionSearch search;
    @Autowired
    SessionService sessions;
    @Autowired
    SandboxVerifier sandbox;
    @Autowired
    OrganizationService organizations;
    @Autowired
    FlowService flows;
    @Autowired
    TechnologyCatalog catalog;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    TestData data;

    @BeforeEach
    void data() {
        data = new TestData(organizations, flows, catalog);
    }

    static SessionSearch.Filter none() {
        return new SessionSearch.Filter(null, null, null, null, null, null);
    }

    @Test
    void pagesAreNewestFirstKeyedByTheLastIdAndStayInTheOrganization() throws Exception {
        var org = data.org().organization().id();
        var flow = data.flow(org, TechnologyCode.LD).flow();
        var created = new ArrayList<UUID>();
        for (int i = 0; i < 7; i++) {
            created.add(sessions.create(flow, null).id());
            Thread.sleep(2); // distinct milliseconds, so creation order is id order
        }
        var other = data.org().organization().id();
        sessions.create(data.flow(other, TechnologyCode.LD).flow(), null);

        var seen = new ArrayList<UUID>();
        var pages = new ArrayList<Integer>();
        UUID before = null;
        do {
            var page = search.page(org, new SessionSearch.Filter(null, null, null, null, null, before), 3);
            page.sessions().forEach(s -> seen.add(s.id()));
            pages.add(page.sessions().size());
            before = page.next();
        } while (before != null);
        assertThat(pages).containsExactly(3, 3, 1);
        assertThat(seen).containsExactlyElementsOf(created.reversed());
        assertThat(new HashSet<>(seen)).hasSize(7);
    }

    @Test
    void filtersByStatusFlowDateAndMetadataValue() {
        var org = data.org().organization().id();
        var first = data.flow(org, TechnologyCode.LD).flow();
        var second = data.flow(org, TechnologyCode.LD).flow();
        var finished = sandbox.complete(sessions.create(first, TestData.json("{\"user_id\":\"customer-42\",\"n\":7}")), true);
        var open = sessions.create(second, TestData.json("{\"user_id\":\"customer-420\",\"note\":\"50% off\"}"));

        assertThat(ids(org, new SessionSearch.Filter(SessionStatus.FINISHED, null, null, null, null, null))).containsExactly(finished.id());
        assertThat(ids(org, new SessionSearch.Filter(null, second.id(), null, null, null, null))).containsExactly(open.id());
        assertThat(ids(org, new SessionSearch.Filter(null, null, null, null, "customer-42", null))).containsExactly(finished.id());
        assertThat(ids(org, new SessionSearch.Filter(null, null, null, null, "7", null))).containsExactly(finished.id());
        assertThat(ids(org, new SessionSearch.Filter(null, null, null, null, "customer", null))).isEmpty();
        assertThat(ids(org, new SessionSearch.Filter(null, null, null, null, "%", null))).isEmpty();
        assertThat(ids(org, new SessionSearch.Filter(null, null, null, null, "50% off", null))).containsExactly(open.id());

        var today = LocalDate.now(ZoneOffset.UTC);
        var startOfToday = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        var startOfTomorrow = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(ids(org, new SessionSearch.Filter(null, null, startOfToday, startOfTomorrow, null, null)))
                .containsExactly(open.id(), finished.id());
        assertThat(ids(org, new SessionSearch.Filter(null, null, startOfTomorrow, null, null, null))).isEmpty();
        assertThat(ids(org, new SessionSearch.Filter(null, null, null, startOfToday, null, null))).isEmpty();
    }

    @Test
    void aMetadataValueIsFoundThroughItsHashInTheOrganizationOnlyAndPagedByKeyset() throws Exception {
        var org = data.org().organization().id();
        var flow = data.flow(org, TechnologyCode.LD).flow();
        var value = "user-" + UUID.randomUUID();
        var mine = new ArrayList<UUID>();
        for (int i = 0; i < 5; i++) {
            mine.add(sessions.create(flow, TestData.json("{\"customer\":{\"user_id\":\"" + value + "\"},\"n\":" + i + "}")).id());
            Thread.sleep(2);
        }
        var finished = sandbox.complete(sessions.get(org, mine.get(1)), true).id();
        var other = data.org().organization().id();
        var theirs = sessions.create(data.flow(other, TechnologyCode.LD).flow(), TestData.json("{\"user_id\":\"" + value + "\"}")).id();

        var seen = new ArrayList<UUID>();
        UUID before = null;
        do {
            var page = search.page(org, new SessionSearch.Filter(null, null, null, null, " " + value + " ", before), 2);
            page.sessions().forEach(s -> seen.add(s.id()));
            before = page.next();
        } while (before != null);
        assertThat(seen).containsExactlyElementsOf(mine.reversed());
        assertThat(ids(other, new SessionSearch.Filter(null, null, null, null, value, null))).containsExactly(theirs);
        assertThat(ids(org, new SessionSearch.Filter(SessionStatus.FINISHED, null, null, null, value, null))).containsExactly(finished);
        assertThat(ids(org, new SessionSearch.Filter(null, null, null, null, value, mine.get(2)))).containsExactly(mine.get(1), mine.get(0));

        // the side table holds a 64-bit hash and the session id per value: no value, no organization; another
        // organization's hash of the same value differs
        var rows = jdbc.sql("SELECT * FROM session_metadata WHERE session_id IN (?, ?)").params(mine.getFirst(), theirs)
                .query((rs, n) -> {
                    assertThat(rs.getMetaData().getColumnCount()).isEqualTo(2);
                    return rs.getLong("value_hash");
                }).list();
        assertThat(rows).hasSize(3).doesNotHaveDuplicates();
    }

    private List<UUID> ids(UUID org, SessionSearch.Filter filter) {
        return search.page(org, filter, 50).sessions().stream().map(Session::id).toList();
    }
}
