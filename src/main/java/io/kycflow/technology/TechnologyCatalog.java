package io.kycflow.technology;

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The technology catalog. Rows (with their install-stable UUIDs) come from the database, behaviour from the
 * provider beans; the two must match one to one, which is checked once at start-up.
 */
@Service
public class TechnologyCatalog {

    private final Map<UUID, Technology> byId;
    private final Map<TechnologyCode, Technology> byCode = new EnumMap<>(TechnologyCode.class);

    TechnologyCatalog(JdbcClient jdbc, Collection<TechnologyProvider> providers) {
        Map<TechnologyCode, TechnologyProvider> providerByCode = providers.stream()
                .collect(Collectors.toMap(TechnologyProvider::code, Function.identity()));
        var rows = jdbc.sql("SELECT id, code, name, description FROM technology ORDER BY position")
                .query((rs, n) -> {
                    var code = TechnologyCode.valueOf(rs.getString("code"));
                    var provider = providerByCode.get(code);
                    if (provider == null) {
                        throw new IllegalStateException("no TechnologyProvider for catalog row " + code);
                    }
                    return new Technology(rs.getObject("id", UUID.class), code, rs.getString("name"),
                            rs.getString("description"), provider);
                }).list();
        this.byId = rows.stream().collect(Collectors.toMap(Technology::id, t -> t, (a, b) -> a, LinkedHashMap::new));
        rows.forEach(t -> byCode.put(t.code(), t));
        if (byCode.size() != providerByCode.size()) {
            throw new IllegalStateException("catalog rows " + byCode.keySet() + " do not match providers " + providerByCode.keySet());
        }
    }

    /** Every technology in catalog order. */
    public List<Technology> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Technology> find(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Technology get(TechnologyCode code) {
        return byCode.get(code);
    }

    public Optional<Technology> findByConfigField(String configField) {
        return byId.values().stream().filter(t -> t.configField().equals(configField)).findFirst();
    }
}
