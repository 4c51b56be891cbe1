package io.kycflow.verification.internal.document;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.kycflow.reference.Country;
import io.kycflow.reference.DocumentType;
import io.kycflow.reference.ReferenceData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Maps what an MRZ says to the reference data: its country codes to {@link Country} (ICAO's {@code D} is Germany, the
 * British statuses the United Kingdom; organizations and the nationality placeholders are no country), and its
 * format and document code to a {@link DocumentType}.
 * <p>
 * The document code's first letter is fixed by Doc 9303 (P passport, I/A/C official documents, V visa); its second
 * is the issuer's choice, so the finer types follow common usage:
 * <ul>
 *   <li>TD3 {@code P}: {@code PD} diplomatic, {@code PS}/{@code PO} service or official; then by nationality: XXA a
 *       stateless person's (1954 Convention) travel document, XXB/XXC a refugee's; else a passport;</li>
 *   <li>TD1: {@code AC} crew member certificate; {@code IR}/{@code AR}/{@code CR} residence permit; other
 *       {@code I}/{@code A}/{@code C} identity card;</li>
 *   <li>TD2: {@code IR}/{@code AR}/{@code CR} residence permit (the reference lists the type as TD1, but a permit is a
 *       permit at either size); other {@code I} identity card; {@code A}/{@code C} official travel document;</li>
 *   <li>MRV-A, MRV-B {@code V}: visa of that format.</li>
 * </ul>
 * Anything else (a TD3 starting with I, say) is no type: document recognition calls it unsupported.
 */
@Component
public class DocumentClassifier {

    private final Function<String, Optional<Country>> countryByAlpha3;
    private final Map<String, DocumentType> typesByCode;

    @Autowired
    DocumentClassifier(ReferenceData reference) {
        this(reference::countryByAlpha3, reference.documentTypes());
    }

    public DocumentClassifier(Function<String, Optional<Country>> countryByAlpha3, List<DocumentType> documentTypes) {
        this.countryByAlpha3 = countryByAlpha3;
        this.typesByCode = documentTypes.stream()
                .collect(Collectors.toUnmodifiableMap(DocumentType::code, Function.identity()));
    }

    public Optional<Country> issuingCountry(Mrz mrz) {
        return country(mrz.issuingCountry());
    }

    public Optional<Country> nationality(Mrz mrz) {
        return country(mrz.nationality());
    }

    /** The country of an MRZ code (fillers stripped), e.g. {@code D} → Germany. */
    public Optional<Country> country(String mrzCode) {
        return countryByAlpha3.apply(IcaoCodes.isoAlpha3(mrzCode));
    }

    public Optional<DocumentType> documentType(Mrz mrz) {
        return typeCode(mrz.format(), mrz.documentCode(), mrz.nationality()).map(typesByCode::get);
    }

    /** The reference data's document type code for this format, document code and nationality, if any. */
    static Optional<String> typeCode(MrzFormat format, String documentCode, String nationality) {
        if (documentCode.isEmpty()) {
            return Optional.empty();
        }
        char kind = documentCode.charAt(0);
        char variant = documentCode.length() > 1 ? documentCode.charAt(1) : '<';
        boolean official = kind == 'I' || kind == 'A' || kind == 'C';
        return Optional.ofNullable(switch (format) {
            case TD3 -> kind != 'P' ? null
                    : variant == 'D' ? "DIPLOMATIC_PASSPORT"
                    : variant == 'S' || variant == 'O' ? "SERVICE_PASSPORT"
                    : nationality.equals(IcaoCodes.STATELESS) ? "STATELESS_TRAVEL_DOCUMENT"
                    : IcaoCodes.REFUGEE.contains(nationality) ? "REFUGEE_TRAVEL_DOCUMENT"
                    : "PASSPORT";
            case TD1 -> !official ? null
                    : documentCode.equals("AC") ? "CREW_MEMBER_CERTIFICATE"
                    : variant == 'R' ? "RESIDENCE_PERMIT"
                    : "ID_CARD";
            case TD2 -> !official ? null
                    : variant == 'R' ? "RESIDENCE_PERMIT"
                    : kind == 'I' ? "ID_CARD_TD2"
                    : "TRAVEL_DOCUMENT";
            case MRVA -> kind == 'V' ? "VISA_A" : null;
            case MRVB -> kind == 'V' ? "VISA_B" : null;
        });
    }
}
