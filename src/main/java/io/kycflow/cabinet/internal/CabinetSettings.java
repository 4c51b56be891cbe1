package io.kycflow.cabinet.internal;

import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** An organization's Cabinet settings that its owners change (no row: the defaults). */
@Repository
class CabinetSettings {

    private final JdbcClient jdbc;

    CabinetSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether every member must sign in with a second factor (and enrol one before anything else). */
    boolean twoFactorRequired(UUID organizationId) {
        return jdbc.sql("SELECT two_factor_required FROM cabinet_settings WHERE organization_id = ?").param(organizationId)
                .query(Boolean.class).optional().orElse(false);
    }

    void requireTwoFactor(UUID organizationId, boolean required) {
        if (jdbc.sql("UPDATE cabinet_settings SET two_factor_required = ? WHERE organization_id = ?")
                .params(required, organizationId).update() == 1) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO cabinet_settings (organization_id, two_factor_required) VALUES (?, ?)")
                    .params(organizationId, required).update();
        } catch (DuplicateKeyException concurrentlyInserted) {
            jdbc.sql("UPDATE cabinet_settings SET two_factor_required = ? WHERE organization_id = ?")
                    .params(required, organizationId).update();
        }
    }
}
