package io.kycflow.api.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code backend_call} table (V10): who called which endpoint when, and how it ended. No images, no PII. */
@Repository
public class BackendCallAudit {

    private final JdbcClient jdbc;

    BackendCallAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(UUID organizationId, String endpoint, String outcome, boolean sandbox) {
        jdbc.sql("INSERT INTO backend_call (organization_id, endpoint, called_at, outcome, sandbox) VALUES (?, ?, ?, ?, ?)")
                .params(organizationId, endpoint, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS),
                        outcome.length() > 80 ? outcome.substring(0, 80) : outcome, sandbox)
                .update();
    }
}
