package io.kycflow.verification.internal.document;

import java.util.List;
import java.util.Objects;

import io.kycflow.IntegrationTest;
import io.kycflow.reference.DocumentType;
import io.kycflow.reference.ReferenceData;
import io.kycflow.verification.internal.document.Mrz.Sex;
import io.kycflow.verification.internal.document.MrzGenerator.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static io.kycflow.verification.internal.document.IcaoSpecimens.parser;
import static org.assertj.core.api.Assertions.assertThat;

/** The classifier against the real reference data: every MRZ document type reachable, codes matching. */
@IntegrationTest
class DocumentClassifierReferenceDataTests {

    @Autowired
    DocumentClassifier classifier;

    @Autowired
    ReferenceData reference;

    @Test
    void everyReferenceTypeWithAnMrzIsReachableInItsFormat() {
        var reached = List.of(
                        mrz(MrzFormat.TD3, "P", "KAZ"), mrz(MrzFormat.TD3, "PD", "KAZ"), mrz(MrzFormat.TD3, "PS", "KAZ"),
                        mrz(MrzFormat.TD3, "P", "XXB"), mrz(MrzFormat.TD3, "P", "XXA"), mrz(MrzFormat.TD1, "ID", "KAZ"),
                        mrz(MrzFormat.TD1, "IR", "KAZ"), mrz(MrzFormat.TD1, "AC", "KAZ"), mrz(MrzFormat.TD2, "I", "KAZ"),
                        mrz(MrzFormat.TD2, "A", "KAZ"), mrz(MrzFormat.MRVA, "V", "KAZ"), mrz(MrzFormat.MRVB, "V", "KAZ"))
                .stream().map(mrz -> {
                    var type = classifier.documentType(mrz).orElseThrow(() -> new AssertionError(mrz.lines()));
                    assertThat(type.icaoFormat()).as(type.code()).isEqualTo(mrz.format().name());
                    assertThat(sameKind(mrz.documentCode(), Objects.requireNonNull(type.mrzDocumentCode())))
                            .as(mrz.documentCode() + " for " + type.code()).isTrue();
                    return type;
                }).toList();
        assertThat(reached).containsExactlyInAnyOrderElementsOf(
                reference.documentTypes().stream().filter(type -> type.icaoFormat() != null).toList());
    }

    @Test
    void countriesIncludingIcaoCodes() {
        assertThat(classifier.country("KAZ")).hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(398));
        assertThat(classifier.country("D")).hasValueSatisfying(c -> assertThat(c.alpha2()).isEqualTo("DE"));
        assertThat(classifier.country("GBD")).hasValueSatisfying(c -> assertThat(c.alpha3()).isEqualTo("GBR"));
        assertThat(classifier.country("UTO")).isEmpty();
        assertThat(classifier.country("XXA")).isEmpty();
        assertThat(classifier.country("UNO")).isEmpty();
        var specimen = parser().parse(IcaoSpecimens.TD3);
        assertThat(classifier.issuingCountry(specimen)).isEmpty();
        assertThat(classifier.documentType(specimen).map(DocumentType::code)).contains("PASSPORT");
    }

    /** Every ISO code the parser knows for corrections is a country of the reference data, and the other way. */
    @Test
    void referenceCountriesAreTheKnownIsoCodes() {
        for (var country : reference.countries()) {
            assertThat(IcaoCodes.isKnown(country.alpha3())).as(country.name()).isTrue();
            assertThat(reference.countryByAlpha3(country.alpha3())).contains(country);
        }
        assertThat(reference.countryByAlpha3("UTO")).isEmpty();
    }

    /** The reference's code is a prefix, except that TD1/TD2 official documents may start with A, C or I alike. */
    private static boolean sameKind(String documentCode, String referenceCode) {
        var official = "ACI";
        return documentCode.startsWith(referenceCode) || (official.indexOf(documentCode.charAt(0)) >= 0
                && official.indexOf(referenceCode.charAt(0)) >= 0 && referenceCode.length() == 1);
    }

    private static Mrz mrz(MrzFormat format, String code, String nationality) {
        var document = new Document(format, code, "KAZ", "N1234567", "ERIKSSON", "ANNA", nationality,
                IcaoSpecimens.TODAY.minusYears(30), Sex.F, IcaoSpecimens.TODAY.plusYears(5), "", "");
        return parser().parse(MrzGenerator.render(document));
    }
}
