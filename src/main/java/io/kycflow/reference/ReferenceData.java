package io.kycflow.reference;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Active countries and document types. The lists change only through migrations, so they are read once and
 * kept in memory: config validation on the hot path never touches the database.
 */
@Service
public class ReferenceData {

    public static final String COUNTRIES = "countries";
    public static final String DOCUMENT_TYPES = "document_types";

    private final List<Country> countries;
    private final List<DocumentType> documentTypes;
    private final Set<Integer> countryIds;
    private final Set<Integer> documentTypeIds;
    private final Map<String, Country> countriesByAlpha3;

    ReferenceData(JdbcClient jdbc) {
        this.countries = jdbc.sql("SELECT id, alpha2, alpha3, name FROM country WHERE active ORDER BY name")
                .query((rs, n) -> new Country(rs.getInt("id"), rs.getString("alpha2"), rs.getString("alpha3"),
                        rs.getString("name")))
                .list();
        this.documentTypes = jdbc.sql("""
                        SELECT id, code, name, icao_format, mrz_document_code FROM document_type WHERE active ORDER BY id""")
                .query((rs, n) -> new DocumentType(rs.getInt("id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("icao_format"), rs.getString("mrz_document_code")))
                .list();
        this.countryIds = countries.stream().map(Country::id).collect(Collectors.toUnmodifiableSet());
        this.documentTypeIds = documentTypes.stream().map(DocumentType::id).collect(Collectors.toUnmodifiableSet());
        this.countriesByAlpha3 = countries.stream()
                .collect(Collectors.toUnmodifiableMap(Country::alpha3, Function.identity()));
    }

    public List<Country> countries() {
        return countries;
    }

    public List<DocumentType> documentTypes() {
        return documentTypes;
    }

    /** The active country with this ISO 3166-1 alpha-3 code (upper case, e.g. {@code KAZ}). */
    public Optional<Country> countryByAlpha3(String alpha3) {
        return Optional.ofNullable(countriesByAlpha3.get(alpha3));
    }

    /** Whether {@code id} is an active entry of the named list ({@link #COUNTRIES} or {@link #DOCUMENT_TYPES}). */
    public boolean exists(String reference, int id) {
        return switch (reference) {
            case COUNTRIES -> countryIds.contains(id);
            case DOCUMENT_TYPES -> documentTypeIds.contains(id);
            default -> false;
        };
    }
}
