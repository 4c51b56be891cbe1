package io.kycflow.persistence;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import io.kycflow.flow.Flow;
import io.kycflow.flow.FlowPatch;
import io.kycflow.flow.FlowService;
import io.kycflow.organization.OrganizationService;
import io.kycflow.organization.OrganizationStatus;
import io.kycflow.reference.ReferenceData;
import io.kycflow.security.SecretBox;
import io.kycflow.security.StoredApiKeys;
import io.kycflow.shared.KycException;
import io.kycflow.review.ReviewService;
import io.kycflow.review.ReviewType;
import io.kycflow.session.AttemptOutcome;
import io.kycflow.session.FailureReason;
import io.kycflow.session.SessionService;
import io.kycflow.session.SessionStatus;
import io.kycflow.session.SessionViews;
import io.kycflow.session.StepStatus;
import io.kycflow.support.TestData;
import io.kycflow.technology.TechnologyCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.kycflow.support.KycAssertions.assertConflict;
import static io.kycflow.support.KycAssertions.assertInvalid;
import static io.kycflow.support.TestData.json;
import static io.kycflow.technology.TechnologyCode.DR;
import static io.kycflow.technology.TechnologyCode.ED;
import static io.kycflow.technology.TechnologyCode.F2F;
import static io.kycflow.technology.TechnologyCode.LD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the services promise about stored data, run unchanged against each supported database (one subclass per
 * database). Every test works in its own fresh organization.
 */
abstract class PersistenceContract {

    @Autowired OrganizationService organizations;
    @Autowired FlowService flows;
    @Autowired SessionService sessions;
    @Autowired SessionViews views;
    @Autowired ReviewService reviews;
    @Autowired ReferenceData reference;
    @Autowired TechnologyCatalog catalog;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;

    TestData data;
    UUID org;

    /** Database product name as the JDBC driver reports it. */
    abstract String expectedDatabase();

    @BeforeEach
    void freshOrganization() {
        data = new TestData(organizations, flows, catalog);
        org = data.org().organization().id();
    }

    @Test
    void runsOnTheExpectedDatabase() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo(expectedDatabase());
        }
    }

    @Test
    void organizationKeepsStatusKeyAndSubscriptions() {
        var issued = data.org(OrganizationStatus.DEMO, DR, LD);
        var id = issued.organization().id();

        assertThat(organizations.get(id).name()).isEqualTo(issued.organization().name());
        assertThat(organizations.get(id).createdAt()).isEqualTo(issued.organization().createdAt());
        assertThat(organizations.list()).extracting(o -> o.id()).contains(id);
        assertThat(organizations.authenticate(issued.apiKey()).orElseThrow().id()).isEqualTo(id);
        assertThat(organizations.subscriptions(id)).extracting(t -> t.code()).containsExactly(LD, DR);

        assertThat(organizations.changeStatus(id, OrganizationStatus.PRODUCTION).sandbox()).isFalse();
        organizations.grant(id, F2F);
        organizations.grant(id, F2F);
        organizations.revoke(id, LD);
        var newKey = organizations.rotateKey(id);

        assertThat(organizations.get(id).status()).isEqualTo(OrganizationStatus.PRODUCTION);
        assertThat(organizations.subscriptions(id)).extracting(t -> t.code()).containsExactly(DR, F2F);
        assertThat(organizations.isSubscribed(id, catalog.get(LD).id())).isFalse();
        assertThat(organizations.authenticate(issued.apiKey())).isEmpty();
        assertThat(organizations.apiKey(id)).isEqualTo(newKey);
    }

    @Test
    void flowIsStoredWithOrderedTechnologiesAndCompleteConfigs() {
        var issued = data.flow(org, "{\"session_ttl_minutes\":30,\"success_redirect_url\":\"https://shop.example/ok\"}",
                "{\"liveness_config\":{\"max_attempts\":5}}", LD, DR, F2F);
        var created = issued.flow();

        var stored = flows.get(org, created.id());

        assertThat(stored.technologyIds()).containsExactlyElementsOf(data.ids(LD, DR, F2F));
        assertThat(flows.apiKey(org, created.id())).isEqualTo(issued.apiKey()).matches("[A-Za-z0-9_-]{47,}");
        assertThat(stored.flowConfig().path("session_ttl_minutes").asInt()).isEqualTo(30);
        assertThat(stored.flowConfig().path("success_redirect_url").asString()).isEqualTo("https://shop.example/ok");
        assertThat(stored.flowConfig().path("locale").asString()).isEqualTo("en");
        assertThat(stored.technologyConfigs().path("liveness_config").path("max_attempts").asInt()).isEqualTo(5);
        assertThat(stored.technologyConfigs().path("liveness_config").path("eye_open_check").asBoolean()).isTrue();
        assertThat(stored.technologyConfigs().path("face2face_config").path("threshold").asDouble()).isEqualTo(0.85);
        assertThat(stored.technologyConfigs().propertyNames())
                .containsExactlyInAnyOrder("liveness_config", "doc_recognition_config", "face2face_config");
        assertThat(stored.createdAt()).isEqualTo(created.createdAt());
    }

    @Test
    void aRotatedFlowKeyReplacesTheStoredOneAndOnlyInItsOrganization() {
        var issued = data.flow(org, LD);
        var newKey = flows.rotateApiKey(org, issued.flow().id());

        assertThat(newKey).isNotEqualTo(issued.apiKey());
        assertThat(flows.apiKey(org, issued.flow().id())).isEqualTo(newKey);
        assertThat(flows.findByApiKey(issued.apiKey())).isEmpty();
        assertThat(flows.findByApiKey(newKey).orElseThrow().id()).isEqualTo(issued.flow().id());
        var other = data.org().organization().id();
        assertThatThrownBy(() -> flows.rotateApiKey(other, issued.flow().id())).isInstanceOf(KycException.class)
                .hasMessageContaining("No flow with id");
        assertThat(flows.apiKey(org, issued.flow().id())).isEqualTo(newKey);
    }

    @Test
    void flowUpdateChangesOnlyWhatIsPatched() {
        var issued = data.flow(org, null, "{\"liveness_config\":{\"max_attempts\":5}}", LD, DR);
        var created = issued.flow();

        flows.update(org, FlowPatch.from(json("{\"flow_id\":\"" + created.id() + "\",\"display_name\":\"Onboarding\","
                + "\"technology_configs\":{\"liveness_config\":{\"eye_open_check\":false}}}")));
        var updated = flows.get(org, created.id());

        assertThat(updated.displayName()).isEqualTo("Onboarding");
        assertThat(updated.name()).isEqualTo(created.name());
        assertThat(updated.technologyConfigs().path("liveness_config").path("eye_open_check").asBoolean()).isFalse();
        assertThat(updated.technologyConfigs().path("liveness_config").path("max_attempts").asInt()).isEqualTo(5);
        assertThat(updated.updatedAt()).isAfterOrEqualTo(created.updatedAt());
        assertThat(flows.apiKey(org, created.id())).as("the key stays").isEqualTo(issued.apiKey());

        flows.update(org, FlowPatch.from(json("{\"flow_id\":\"" + created.id() + "\",\"technology_ids\":[\""
                + catalog.get(DR).id() + "\"]}")));
        var narrowed = flows.get(org, created.id());
        assertThat(narrowed.technologyIds()).containsExactly(catalog.get(DR).id());
        assertThat(narrowed.technologyConfigs().propertyNames()).containsExactly("doc_recognition_config");
    }

    @Test
    void flowListPagesNewestFirstWithNextAndPrevious() {
        var created = new HashSet<UUID>();
        for (int i = 0; i < 5; i++) {
            created.add(data.flow(org, LD).flow().id());
        }

        var first = flows.list(org, 2, 0);
        var second = flows.list(org, 2, 2);
        var last = flows.list(org, 2, 4);

        assertThat(List.of(first.count(), second.count(), last.count())).containsOnly(5L);
        assertThat(first.next()).isEqualTo(2);
        assertThat(first.previous()).isNull();
        assertThat(second.next()).isEqualTo(4);
        assertThat(second.previous()).isEqualTo(0);
        assertThat(last.next()).isNull();
        assertThat(last.previous()).isEqualTo(2);
        var all = new ArrayList<Flow>();
        List.of(first, second, last).forEach(page -> all.addAll(page.results()));
        assertThat(all).extracting(Flow::id).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).createdAt()).isBeforeOrEqualTo(all.get(i - 1).createdAt());
        }
        assertInvalid(() -> flows.list(org, 0, 0), "limit");
        assertInvalid(() -> flows.list(org, 101, 0), "limit");
        assertInvalid(() -> flows.list(org, 10, -1), "offset");
    }

    @Test
    void flowNamesAreUniqueWithinAnOrganizationOnly() {
        flows.create(org, data.newFlow("kyc-main", null, null, LD));
        var other = data.flow(org, LD).flow();

        assertConflict(() -> flows.create(org, data.newFlow("kyc-main", null, null, DR)), "flow_name_taken");
        assertConflict(() -> flows.update(org, FlowPatch.from(json("{\"flow_id\":\"" + other.id() + "\",\"name\":\"kyc-main\"}"))),
                "flow_name_taken");
        assertThat(flows.list(org, 10, 0).count()).isEqualTo(2);
        assertThat(flows.get(org, other.id()).name()).isEqualTo(other.name());

        var elsewhere = data.org().organization().id();
        assertThat(flows.create(elsewhere, data.newFlow("kyc-main", null, null, LD)).flow().name()).isEqualTo("kyc-main");
    }

    @Test
    void flowIsFoundByItsOwnApiKeyOnly() {
        var flow = data.flow(org, LD);
        var key = flow.apiKey();
        var altered = (key.charAt(0) == 'A' ? 'B' : 'A') + key.substring(1);

        assertThat(flows.findByApiKey(key).orElseThrow().id()).isEqualTo(flow.flow().id());
        assertThat(flows.findByApiKey(altered)).isEmpty();
        assertThat(flows.findByApiKey("")).isEmpty();
        assertThat(flows.findByApiKey(key + " ")).isEmpty();
    }

    @Test
    void apiKeysAreStoredSealedAndNeverInPlainText() throws Exception {
        var issued = data.org();
        var orgId = issued.organization().id();
        var flow = data.flow(orgId, LD);

        for (var stored : List.of(new StoredKey("organization", orgId, issued.apiKey()),
                new StoredKey("flow", flow.flow().id(), flow.apiKey()))) {
            var row = readRow(stored.table(), stored.id());
            assertThat(row).as("the plain key column is gone").doesNotContainKey("api_key");
            var sealed = (byte[]) row.get("api_key_sealed");
            assertThat(sealed).as(stored.table()).hasSize(SecretBox.OVERHEAD + stored.key().length());
            assertThat(indexOf(sealed, stored.key().getBytes(StandardCharsets.US_ASCII))).as("the key's bytes").isNegative();
            assertThat(indexOf(sealed, Base64.getDecoder().decode(stored.key().replace('-', '+').replace('_', '/'))))
                    .as("the key's decoded bytes").isNegative();
            row.forEach((column, value) -> assertThat(String.valueOf(value)).as(column).doesNotContain(stored.key()));
        }
        assertThat(organizations.apiKey(orgId)).isEqualTo(issued.apiKey());
        assertThat(flows.apiKey(orgId, flow.flow().id())).isEqualTo(flow.apiKey());
        assertThat(organizations.authenticate(issued.apiKey()).orElseThrow().id()).isEqualTo(orgId);
        assertThat(flows.findByApiKey(flow.apiKey()).orElseThrow().id()).isEqualTo(flow.flow().id());
    }

    @Test
    void aSealedKeyCopiedOntoAnotherRowDoesNotOpenThere() {
        var a = data.org();
        var b = data.org();
        var aId = a.organization().id();
        var bId = b.organization().id();
        copySealedKey("organization", aId, bId);
        assertThatThrownBy(() -> organizations.apiKey(bId)).isInstanceOf(StoredApiKeys.Unreadable.class)
                .hasMessageContaining("organization " + bId).hasMessageNotContaining(a.apiKey()).hasMessageNotContaining(b.apiKey());
        assertThat(organizations.apiKey(aId)).isEqualTo(a.apiKey());
        assertThat(organizations.authenticate(b.apiKey()).orElseThrow().id()).as("lookups use the hash").isEqualTo(bId);

        var first = data.flow(org, LD);
        var second = data.flow(org, LD);
        copySealedKey("flow", first.flow().id(), second.flow().id());
        assertThatThrownBy(() -> flows.apiKey(org, second.flow().id())).isInstanceOf(StoredApiKeys.Unreadable.class)
                .hasMessageContaining("flow " + second.flow().id()).hasMessageNotContaining(first.apiKey());
        assertThat(flows.apiKey(org, first.flow().id())).isEqualTo(first.apiKey());
        assertThat(flows.findByApiKey(second.apiKey()).orElseThrow().id()).isEqualTo(second.flow().id());
    }

    private record StoredKey(String table, UUID id, String key) {
    }

    /** Every column of one row, read over plain JDBC (no application code in between). */
    private Map<String, Object> readRow(String table, UUID id) throws Exception {
        try (var connection = dataSource.getConnection();
             var statement = connection.prepareStatement("SELECT * FROM " + table + " WHERE id = ?")) {
            statement.setObject(1, id);
            try (var rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                var row = new HashMap<String, Object>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    row.put(rows.getMetaData().getColumnLabel(i).toLowerCase(), rows.getObject(i));
                }
                return row;
            }
        }
    }

    private void copySealedKey(String table, UUID from, UUID to) {
        var sealed = jdbc.sql("SELECT api_key_sealed FROM " + table + " WHERE id = ?").param(from)
                .query((rs, n) -> rs.getBytes(1)).single();
        jdbc.sql("UPDATE " + table + " SET api_key_sealed = ? WHERE id = ?").params(sealed, to).update();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void sessionStoresStepsAndEveryAttempt() {
        var flow = data.flow(org, null, "{\"liveness_config\":{\"max_attempts\":3},\"edocument_config\":{\"max_retry_attempts\":1}}",
                LD, ED).flow();
        var created = sessions.create(flow, json("{\"user_id\":\"u-1\"}"));
        assertThat(created.steps()).extracting(s -> s.maxAttempts()).containsExactly(3, 2);

        assertConflict(() -> sessions.recordAttempt(created.id(), ED, AttemptOutcome.pass(json("{}"))), "step_out_of_order");
        sessions.recordAttempt(created.id(), LD, AttemptOutcome.fail(json("{\"eye_closed\":true}"),
                new FailureReason("eye_closed", "Eyes closed.")));
        sessions.recordAttempt(created.id(), LD, AttemptOutcome.pass(json("{\"prediction\":\"0.9900\"}")));
        sessions.recordAttempt(created.id(), ED, AttemptOutcome.pass(json("{\"document_type\":\"IdentityCard\"}")));

        var stored = sessions.get(org, created.id());
        assertThat(stored.status()).isEqualTo(SessionStatus.FINISHED);
        assertThat(stored.overallResult()).isTrue();
        assertThat(stored.metadata().path("user_id").asString()).isEqualTo("u-1");
        assertThat(stored.startedAt()).isNotNull();
        assertThat(stored.finishedAt()).isNotNull();
        assertThat(stored.steps()).extracting(s -> s.status()).containsExactly(StepStatus.PASSED, StepStatus.PASSED);
        assertThat(stored.steps()).extracting(s -> s.attempts()).containsExactly(2, 1);
        assertThat(stored.steps().getFirst().result().path("prediction").asString()).isEqualTo("0.9900");
        assertThat(stored.steps().getFirst().failureReason()).isNull();
        assertThat(jdbc.sql("SELECT passed FROM step_attempt WHERE session_id = ? ORDER BY position, attempt_no")
                .param(created.id()).query(Boolean.class).list()).containsExactly(false, true, true);
        assertConflict(() -> sessions.recordAttempt(created.id(), ED, AttemptOutcome.pass(json("{}"))), "session_closed");
    }

    @Test
    void sessionKeepsTheStepsItWasCreatedWithInItsOwnRow() {
        var flow = data.flow(org, null, "{\"liveness_config\":{\"max_attempts\":4}}", LD, DR).flow();
        var created = sessions.create(flow, null);

        flows.update(org, FlowPatch.from(json("{\"flow_id\":\"" + flow.id() + "\",\"technology_ids\":[\""
                + catalog.get(DR).id() + "\"]}")));
        var unchanged = sessions.get(org, created.id());
        assertThat(unchanged.steps()).isEqualTo(created.steps());
        assertThat(unchanged.steps()).extracting(s -> s.technology()).containsExactly(LD, DR);
        assertThat(unchanged.steps()).extracting(s -> s.maxAttempts()).containsExactly(4, created.steps().get(1).maxAttempts());
        assertThat(unchanged.steps()).extracting(s -> s.status()).containsOnly(StepStatus.PENDING);

        sessions.recordAttempt(created.id(), LD, AttemptOutcome.fail(json("{\"eye_closed\":true}"),
                new FailureReason("eye_closed", "Eyes closed.")));
        var started = sessions.get(org, created.id());
        assertThat(started.status()).isEqualTo(SessionStatus.IN_PROGRESS);
        assertThat(started.steps()).extracting(s -> s.technology()).containsExactly(LD, DR);
        assertThat(started.steps()).extracting(s -> s.attempts()).containsExactly(1, 0);
        var first = started.steps().getFirst();
        assertThat(first.failureReason()).isEqualTo(new FailureReason("eye_closed", "Eyes closed."));
        assertThat(first.result().path("eye_closed").asBoolean()).isTrue();
        assertThat(first.startedAt()).isEqualTo(started.startedAt());
        assertThat(jdbc.sql("SELECT technology FROM step_attempt WHERE session_id = ?").param(created.id())
                .query(String.class).list()).containsExactly("LD");
        assertThat(sessions.create(flows.get(org, flow.id()), null).steps()).extracting(s -> s.technology()).containsExactly(DR);
    }

    /** Attempts racing on one step are applied one at a time under the session's row lock: none is lost. */
    @Test
    void attemptsRacingOnOneSessionAreAllRecorded() throws Exception {
        var flow = data.flow(org, null, "{\"liveness_config\":{\"max_attempts\":10}}", LD);
        var session = sessions.create(flow.flow(), null);
        int racers = 8;
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(racers)) {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < racers; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return sessions.recordAttempt(session.id(), LD, AttemptOutcome.fail(json("{}"),
                            new FailureReason("no_face", "racing")));
                }));
            }
            start.countDown();
            for (var future : futures) {
                future.get();
            }
        }
        assertThat(sessions.get(org, session.id()).steps().getFirst().attempts()).isEqualTo(racers);
        assertThat(jdbc.sql("SELECT attempt_no FROM step_attempt WHERE session_id = ? ORDER BY attempt_no")
                .param(session.id()).query(Integer.class).list()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void sessionExpiresOnceItsTtlHasPassed() {
        var flow = data.flow(org, "{\"session_ttl_minutes\":5}", null, LD).flow();
        var created = sessions.create(flow, null);
        assertThat(created.expiresAt()).isEqualTo(created.createdAt().plusMinutes(5));
        assertThat(sessions.get(org, created.id()).status()).isEqualTo(SessionStatus.CREATED);

        jdbc.sql("UPDATE flow_session SET expires_at = ? WHERE id = ?")
                .params(OffsetDateTime.now().minusMinutes(1), created.id()).update();
        var expired = sessions.get(org, created.id());

        assertThat(expired.status()).isEqualTo(SessionStatus.EXPIRED);
        assertThat(expired.finishedAt()).isNotNull();
        assertThat(jdbc.sql("SELECT status FROM flow_session WHERE id = ?").param(created.id()).query(String.class).single())
                .isEqualTo("EXPIRED");
        assertThat(views.light(expired, "test").failureReasons().getFirst().type()).isEqualTo("session_expired");
        assertConflict(() -> sessions.recordAttempt(created.id(), LD, AttemptOutcome.pass(json("{}"))), "session_closed");
    }

    @Test
    void reviewsAreAppendedInOrderAndDecisionsFollowOnlyAVerdict() {
        var flow = data.flow(org, null, "{\"liveness_config\":{\"max_attempts\":1}}", LD).flow();
        var session = sessions.create(flow, null);

        assertConflict(() -> reviews.decide(org, session.id(), SessionStatus.APPROVED, null, "key:1"), "invalid_status_transition");
        reviews.addMessage(org, session.id(), "first", "key:1");
        reviews.addMessage(org, session.id(), "second", "key:2");
        sessions.recordAttempt(session.id(), LD, AttemptOutcome.fail(json("{}"), new FailureReason("spoof", "Mask detected.")));
        assertInvalid(() -> reviews.decide(org, session.id(), SessionStatus.FINISHED, null, "key:1"), "request_data.status");
        var declined = reviews.decide(org, session.id(), SessionStatus.DECLINED, "mask attack", "key:1");
        assertConflict(() -> reviews.decide(org, session.id(), SessionStatus.APPROVED, null, "key:1"), "invalid_status_transition");

        assertThat(declined.status()).isEqualTo(SessionStatus.DECLINED);
        assertThat(sessions.get(org, session.id()).status()).isEqualTo(SessionStatus.DECLINED);
        var trail = reviews.list(org, session.id());
        assertThat(trail).extracting(r -> r.type()).containsExactly(ReviewType.MESSAGE, ReviewType.MESSAGE, ReviewType.STATUS_CHANGE);
        assertThat(trail).extracting(r -> r.message()).containsExactly("first", "second", "mask attack");
        assertThat(trail.get(2).fromStatus()).isEqualTo(SessionStatus.FAILED);
        assertThat(trail.get(2).toStatus()).isEqualTo(SessionStatus.DECLINED);
        assertThat(trail.get(2).author()).isEqualTo("key:1");

        var passed = sessions.create(flow, null);
        sessions.recordAttempt(passed.id(), LD, AttemptOutcome.pass(json("{}")));
        assertThat(reviews.decide(org, passed.id(), SessionStatus.APPROVED, null, "key:3").status()).isEqualTo(SessionStatus.APPROVED);
        assertThat(reviews.list(org, passed.id())).singleElement().satisfies(r -> assertThat(r.message()).isNull());
    }

    @Test
    void referenceDataHoldsEveryCountryAndTheIcaoFormats() {
        assertThat(reference.countries()).hasSize(249);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM country").query(Integer.class).single()).isEqualTo(249);
        assertThat(reference.countries()).anySatisfy(c -> {
            assertThat(c.alpha2()).isEqualTo("KZ");
            assertThat(c.alpha3()).isEqualTo("KAZ");
            assertThat(c.id()).isEqualTo(398);
            assertThat(c.name()).isEqualTo("Kazakhstan");
        });
        assertThat(reference.exists(ReferenceData.COUNTRIES, 398)).isTrue();
        assertThat(reference.exists(ReferenceData.COUNTRIES, 999)).isFalse();
        assertThat(reference.documentTypes()).extracting(t -> t.icaoFormat()).contains("TD1", "TD2", "TD3");
        assertThat(reference.documentTypes()).anySatisfy(t -> {
            assertThat(t.code()).isEqualTo("PASSPORT");
            assertThat(t.icaoFormat()).isEqualTo("TD3");
        });
        assertThat(catalog.all()).extracting(t -> t.code().name()).containsExactly("LD", "DR", "F2F", "ED", "DSI", "DSN", "DSS");
    }
}
