package io.kycflow.flow.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.kycflow.flow.Flow;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Flows with their ordered technologies; a flow and its technologies are always read in one query. */
@Repository
public class FlowRepository {

    private static final String SELECT = """
            SELECT f.id, f.organization_id, f.name, f.display_name, f.flow_config, f.technology_configs,
                   f.api_key_hash, f.created_at, f.updated_at, ft.technology_id
            FROM flow f JOIN flow_technology ft ON ft.flow_id = f.id
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    FlowRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @param sealedApiKey the flow's key sealed for its id; only its hash is ever searched */
    public void insert(Flow flow, byte[] sealedApiKey, String apiKeyHash) {
        jdbc.sql("""
                        INSERT INTO flow (id, organization_id, name, display_name, flow_config, technology_configs,
                                          api_key_sealed, api_key_hash, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(flow.id(), flow.organizationId(), flow.name(), flow.displayName(), flow.flowConfig().toString(),
                        flow.technologyConfigs().toString(), sealedApiKey, apiKeyHash, flow.createdAt(), flow.updatedAt())
                .update();
        insertTechnologies(flow);
    }

    public void update(Flow flow) {
        jdbc.sql("""
                        UPDATE flow SET name = ?, display_name = ?, flow_config = ?, technology_configs = ?, updated_at = ?
                        WHERE id = ? AND organization_id = ?""")
                .params(flow.name(), flow.displayName(), flow.flowConfig().toString(), flow.technologyConfigs().toString(),
                        flow.updatedAt(), flow.id(), flow.organizationId())
                .update();
        jdbc.sql("DELETE FROM flow_technology WHERE flow_id = ?").param(flow.id()).update();
        insertTechnologies(flow);
    }

    /** @return false when the organization has no such flow */
    public boolean replaceApiKey(UUID organizationId, UUID flowId, byte[] sealedApiKey, String apiKeyHash) {
        return jdbc.sql("UPDATE flow SET api_key_sealed = ?, api_key_hash = ? WHERE id = ? AND organization_id = ?")
                .params(sealedApiKey, apiKeyHash, flowId, organizationId).update() == 1;
    }

    public Optional<Flow> find(UUID organizationId, UUID flowId) {
        return query("WHERE f.id = ? AND f.organization_id = ?", flowId, organizationId).stream().findFirst();
    }

    /** The flow whose key hashes to {@code hash}, with the stored hash for a constant-time comparison. */
    public Optional<KeyedFlow> findByKeyHash(String hash) {
        return rows("WHERE f.api_key_hash = ?", hash).stream().findFirst()
                .map(row -> new KeyedFlow(toFlow(row), row.apiKeyHash()));
    }

    /** The flow's key as stored: sealed (see {@code io.kycflow.security.StoredApiKeys}). */
    public Optional<byte[]> sealedApiKey(UUID organizationId, UUID flowId) {
        return jdbc.sql("SELECT api_key_sealed FROM flow WHERE id = ? AND organization_id = ?").params(flowId, organizationId)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    public boolean nameTaken(UUID organizationId, String name, @Nullable UUID exceptFlowId) {
        return jdbc.sql("SELECT COUNT(*) FROM flow WHERE organization_id = ? AND name = ? AND id <> ?")
                .params(organizationId, name, exceptFlowId == null ? new UUID(0, 0) : exceptFlowId)
                .query(Long.class).single() > 0;
    }

    public long count(UUID organizationId) {
        return jdbc.sql("SELECT COUNT(*) FROM flow WHERE organization_id = ?").param(organizationId)
                .query(Long.class).single();
    }

    /** One page, newest first (ties broken by id so paging is stable), with the total count. */
    public Page page(UUID organizationId, int limit, int offset) {
        var total = new long[] {-1};
        List<UUID> ids = jdbc.sql("""
                        SELECT id, COUNT(*) OVER () AS total FROM flow WHERE organization_id = ?
                        ORDER BY created_at DESC, id LIMIT ? OFFSET ?""")
                .params(organizationId, limit, offset).query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    return rs.getObject("id", UUID.class);
                }).list();
        if (ids.isEmpty()) {
            return new Page(count(organizationId), List.of()); // past the end: the window gave no count
        }
        var byId = new LinkedHashMap<UUID, Flow>();
        ids.forEach(id -> byId.put(id, null));
        var placeholders = String.join(", ", ids.stream().map(id -> "?").toList());
        query("WHERE f.id IN (" + placeholders + ")", ids.toArray()).forEach(f -> byId.put(f.id(), f));
        return new Page(total[0], List.copyOf(byId.values()));
    }

    public record Page(long count, List<Flow> flows) {
    }

    private void insertTechnologies(Flow flow) {
        for (int i = 0; i < flow.technologyIds().size(); i++) {
            jdbc.sql("INSERT INTO flow_technology (flow_id, position, technology_id) VALUES (?, ?, ?)")
                    .params(flow.id(), i, flow.technologyIds().get(i)).update();
        }
    }

    private List<Flow> query(String where, Object... params) {
        return rows(where, params).stream().map(this::toFlow).toList();
    }

    private List<FlowRow> rows(String where, Object... params) {
        Map<UUID, FlowRow> rows = new LinkedHashMap<>();
        jdbc.sql(SELECT + where + " ORDER BY f.id, ft.position").params(params).query(rs -> {
            var id = rs.getObject("id", UUID.class);
            rows.computeIfAbsent(id, k -> {
                try {
                    return new FlowRow(k, rs.getObject("organization_id", UUID.class), rs.getString("name"),
                            rs.getString("display_name"), rs.getString("flow_config"), rs.getString("technology_configs"),
                            rs.getString("api_key_hash"), rs.getObject("created_at", OffsetDateTime.class),
                            rs.getObject("updated_at", OffsetDateTime.class), new ArrayList<>());
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }).technologyIds().add(rs.getObject("technology_id", UUID.class));
        });
        return List.copyOf(rows.values());
    }

    private Flow toFlow(FlowRow row) {
        return new Flow(row.id(), row.organizationId(), row.name(), row.displayName(), row.technologyIds(),
                (ObjectNode) json.readTree(row.flowConfig()), (ObjectNode) json.readTree(row.technologyConfigs()),
                row.createdAt(), row.updatedAt());
    }

    private record FlowRow(UUID id, UUID organizationId, String name, String displayName, String flowConfig,
                           String technologyConfigs, String apiKeyHash, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                           List<UUID> technologyIds) {
    }

    public record KeyedFlow(Flow flow, String apiKeyHash) {
    }
}
