package io.kycflow.organization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kycflow.organization.Organization;
import io.kycflow.organization.OrganizationStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class OrganizationRepository {

    private static final String COLUMNS = "id, name, status, created_at, api_key_hash";

    private final JdbcClient jdbc;

    OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param sealedApiKey the key sealed for this organization's id; only its hash is ever searched */
    public void insert(Organization org, byte[] sealedApiKey, String apiKeyHash) {
        jdbc.sql("""
                        INSERT INTO organization (id, name, status, api_key_sealed, api_key_hash, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(org.id(), org.name(), org.status().name(), sealedApiKey, apiKeyHash, org.createdAt(), org.createdAt())
                .update();
    }

    public List<Organization> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization ORDER BY created_at, id").query(this::map).list();
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM organization").query(Long.class).single() == 0;
    }

    public Optional<Organization> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization WHERE id = ?").param(id).query(this::map).optional();
    }

    /** The organization whose key hashes to {@code hash}, together with the stored hash for a constant-time check. */
    public Optional<KeyedOrganization> findByKeyHash(String hash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization WHERE api_key_hash = ?").param(hash)
                .query((rs, n) -> new KeyedOrganization(map(rs, n), rs.getString("api_key_hash"))).optional();
    }

    /** The organization's key as stored: sealed (see {@code io.kycflow.security.StoredApiKeys}). */
    public Optional<byte[]> sealedApiKey(UUID id) {
        return jdbc.sql("SELECT api_key_sealed FROM organization WHERE id = ?").param(id)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    public boolean updateStatus(UUID id, OrganizationStatus status) {
        return jdbc.sql("UPDATE organization SET status = ?, updated_at = ? WHERE id = ?")
                .params(status.name(), OffsetDateTime.now(), id).update() == 1;
    }

    public boolean updateKey(UUID id, byte[] sealedApiKey, String apiKeyHash) {
        return jdbc.sql("UPDATE organization SET api_key_sealed = ?, api_key_hash = ?, updated_at = ? WHERE id = ?")
                .params(sealedApiKey, apiKeyHash, OffsetDateTime.now(), id).update() == 1;
    }

    public List<UUID> subscribedTechnologyIds(UUID orgId) {
        return jdbc.sql("""
                        SELECT s.technology_id FROM subscription s JOIN technology t ON t.id = s.technology_id
                        WHERE s.organization_id = ? ORDER BY t.position""")
                .param(orgId).query(UUID.class).list();
    }

    public void subscribe(UUID orgId, UUID technologyId) {
        jdbc.sql("""
                        INSERT INTO subscription (organization_id, technology_id, created_at)
                        SELECT ?, ?, ? WHERE NOT EXISTS
                            (SELECT 1 FROM subscription WHERE organization_id = ? AND technology_id = ?)""")
                .params(orgId, technologyId, OffsetDateTime.now(), orgId, technologyId).update();
    }

    public void unsubscribe(UUID orgId, UUID technologyId) {
        jdbc.sql("DELETE FROM subscription WHERE organization_id = ? AND technology_id = ?")
                .params(orgId, technologyId).update();
    }

    private Organization map(ResultSet rs, int row) throws SQLException {
        return new Organization(rs.getObject("id", UUID.class), rs.getString("name"),
                OrganizationStatus.valueOf(rs.getString("status")), rs.getObject("created_at", OffsetDateTime.class));
    }

    public record KeyedOrganization(Organization organization, String apiKeyHash) {
    }
}
