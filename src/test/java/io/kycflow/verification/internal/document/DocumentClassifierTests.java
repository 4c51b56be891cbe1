package io.kycflow.verification.internal.document;

import java.util.List;
import java.util.Optional;

import io.kycflow.reference.Country;
import io.kycflow.reference.DocumentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.kycflow.verification.internal.document.IcaoSpecimens.parser;
import static org.assertj.core.api.Assertions.assertThat;

/** Format, document code and nationality to a document type; MRZ country codes to countries. */
class DocumentClassifierTests {

    @ParameterizedTest(name = "{0} {1} {2}: {3}")
    @CsvSource({
            "TD3, P, UTO, PASSPORT",
            "TD3, PP, KAZ, PASSPORT",
            "TD3, PD, KAZ, DIPLOMATIC_PASSPORT",
            "TD3, PS, KAZ, SERVICE_PASSPORT",
            "TD3, PO, KAZ, SERVICE_PASSPORT",
            "TD3, P, XXA, STATELESS_TRAVEL_DOCUMENT",
            "TD3, P, XXB, REFUGEE_TRAVEL_DOCUMENT",
            "TD3, P, XXC, REFUGEE_TRAVEL_DOCUMENT",
            "TD3, PD, XXB, DIPLOMATIC_PASSPORT",
            "TD1, I, UTO, ID_CARD",
            "TD1, ID, FRA, ID_CARD",
            "TD1, A, FRA, ID_CARD",
            "TD1, C, FRA, ID_CARD",
            "TD1, IR, FRA, RESIDENCE_PERMIT",
            "TD1, AR, DEU, RESIDENCE_PERMIT",
            "TD1, AC, UTO, CREW_MEMBER_CERTIFICATE",
            "TD2, I, UTO, ID_CARD_TD2",
            "TD2, ID, FRA, ID_CARD_TD2",
            "TD2, IR, FRA, RESIDENCE_PERMIT",
            "TD2, A, UTO, TRAVEL_DOCUMENT",
            "TD2, C, UTO, TRAVEL_DOCUMENT",
            "MRVA, V, UTO, VISA_A",
            "MRVA, VB, UTO, VISA_A",
            "MRVB, V, UTO, VISA_B"})
    void documentTypes(MrzFormat format, String code, String nationality, String type) {
        assertThat(DocumentClassifier.typeCode(format, code, nationality)).contains(type);
    }

    @ParameterizedTest(name = "{0} {1}: no type")
    @CsvSource({"TD3, I", "TD3, V", "TD1, P", "TD1, V", "TD2, P", "MRVA, P", "MRVB, I", "TD3, ''"})
    void codesNoTypeHas(MrzFormat format, String code) {
        assertThat(DocumentClassifier.typeCode(format, code, "UTO")).isEmpty();
    }

    @Test
    void mapsThroughTheReferenceLists() {
        var germany = new Country(276, "DE", "DEU", "Germany");
        var britain = new Country(826, "GB", "GBR", "United Kingdom");
        var passport = new DocumentType(1, "PASSPORT", "Passport", "TD3", "P");
        var classifier = new DocumentClassifier(
                alpha3 -> switch (alpha3) {
                    case "DEU" -> Optional.of(germany);
                    case "GBR" -> Optional.of(britain);
                    default -> Optional.empty();
                },
                List.of(passport));
        assertThat(classifier.country("D")).contains(germany);
        assertThat(classifier.country("DEU")).contains(germany);
        assertThat(classifier.country("GBD")).contains(britain);
        assertThat(classifier.country("UNO")).isEmpty();
        assertThat(classifier.country("XXA")).isEmpty();

        var mrz = parser().parse(IcaoSpecimens.TD3);
        assertThat(classifier.documentType(mrz)).contains(passport);
        assertThat(classifier.issuingCountry(mrz)).isEmpty();
        // a type the rules name but the reference data lacks (inactive) is no type
        assertThat(classifier.documentType(parser().parse(IcaoSpecimens.TD1))).isEmpty();
    }

    @Test
    void icaoCodes() {
        assertThat(IcaoCodes.isKnown("D")).isTrue();
        assertThat(IcaoCodes.isKnown("KAZ")).isTrue();
        assertThat(IcaoCodes.isKnown("XXA")).isTrue();
        assertThat(IcaoCodes.isKnown("UTO")).isTrue();
        assertThat(IcaoCodes.isKnown("DEUX")).isFalse();
        assertThat(IcaoCodes.isKnown("LTA")).isFalse();
        assertThat(IcaoCodes.isoAlpha3("D")).isEqualTo("DEU");
        assertThat(IcaoCodes.isoAlpha3("GBN")).isEqualTo("GBR");
        assertThat(IcaoCodes.isoAlpha3("GBR")).isEqualTo("GBR");
        assertThat(IcaoCodes.isoAlpha3("GBX")).isEqualTo("GBX");
        assertThat(IcaoCodes.isoAlpha3("KAZ")).isEqualTo("KAZ");
        assertThat(IcaoCodes.description("XXB")).hasValueSatisfying(d -> assertThat(d).contains("Refugee"));
        assertThat(IcaoCodes.description("KAZ")).isEmpty();
    }
}
