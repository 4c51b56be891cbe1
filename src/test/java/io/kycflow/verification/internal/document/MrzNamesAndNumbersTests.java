package io.kycflow.verification.internal.document;

import java.time.LocalDate;
import java.util.List;

import io.kycflow.verification.internal.document.Mrz.CheckDigit;
import io.kycflow.verification.internal.document.Mrz.Correction;
import io.kycflow.verification.internal.document.Mrz.Sex;
import io.kycflow.verification.internal.document.MrzGenerator.Document;
import org.junit.jupiter.api.Test;

import static io.kycflow.verification.internal.document.IcaoSpecimens.TD3;
import static io.kycflow.verification.internal.document.IcaoSpecimens.parser;
import static io.kycflow.verification.internal.document.IcaoSpecimens.with;
import static org.assertj.core.api.Assertions.assertThat;

/** Names of several parts and cut names; TD1 and TD2 document numbers longer than 9 characters. */
class MrzNamesAndNumbersTests {

    private static final LocalDate BIRTH = LocalDate.of(1974, 8, 12);
    private static final LocalDate EXPIRY = LocalDate.of(2012, 4, 15);

    @Test
    void namesOfSeveralParts() {
        var mrz = passportNamed("VAN<DER<BERG<<JAN<PIETER<MARIA");
        assertThat(mrz.surname()).isEqualTo("VAN DER BERG");
        assertThat(mrz.givenNames()).isEqualTo("JAN PIETER MARIA");
        assertThat(mrz.namesTruncated()).isFalse();
    }

    @Test
    void aSingleNameIsTheSurname() {
        var mrz = passportNamed("SUKARNO");
        assertThat(List.of(mrz.surname(), mrz.givenNames())).containsExactly("SUKARNO", "");
        assertThat(mrz.valid()).isTrue();
        var onlyGiven = passportNamed("<<ANNA");
        assertThat(List.of(onlyGiven.surname(), onlyGiven.givenNames())).containsExactly("", "ANNA");
    }

    @Test
    void extraFillersBetweenPartsAreOneSpace() {
        var mrz = passportNamed("ERIKSSON<<<ANNA<<MARIA");
        assertThat(List.of(mrz.surname(), mrz.givenNames())).containsExactly("ERIKSSON", "ANNA MARIA");
    }

    /** Doc 9303 shows a truncated name by filling the field to its last position with a letter. */
    @Test
    void aNameFilledToTheEndIsMarkedTruncated() {
        var cut = passportNamed("POLLOCK<HAVEN<WILLIAMSON<<JONATHAN<ERIC");
        assertThat(cut.surname()).isEqualTo("POLLOCK HAVEN WILLIAMSON");
        assertThat(cut.givenNames()).isEqualTo("JONATHAN ERIC");
        assertThat(cut.namesTruncated()).isTrue();

        var td1 = parser().parse(List.of(IcaoSpecimens.TD1.get(0), IcaoSpecimens.TD1.get(1),
                "ABCDEFGHIJKLMN<<OPQRSTUVWXYZAB"));
        assertThat(td1.namesTruncated()).isTrue();
        assertThat(td1.givenNames()).isEqualTo("OPQRSTUVWXYZAB");
        assertThat(MrzGenerator.nameField("POLLOCK HAVEN WILLIAMSON", "JONATHAN ERICSSON", 39))
                .isEqualTo("POLLOCK<HAVEN<WILLIAMSON<<JONATHAN<ERIC");
    }

    /** Doc 9303 Part 5's example: D23145890734, check digit 9, continued in the optional data. */
    @Test
    void td1LongDocumentNumber() {
        var document = td1("D23145890734", "");
        var lines = MrzGenerator.render(document);
        assertThat(lines.getFirst()).isEqualTo("I<UTOD23145890<7349<<<<<<<<<<<");
        var mrz = parser().parse(lines);
        assertThat(mrz.documentNumber()).isEqualTo("D23145890734");
        assertThat(mrz.checkDigits().documentNumber()).isEqualTo(new CheckDigit('9', '9', true));
        assertThat(mrz.optionalData()).isEmpty();
        assertThat(mrz.valid()).isTrue();
    }

    @Test
    void longDocumentNumberFollowedByOptionalData() {
        var mrz = parser().parse(MrzGenerator.render(td1("D23145890734", "XYZ<12")));
        assertThat(mrz.documentNumber()).isEqualTo("D23145890734");
        assertThat(mrz.optionalData()).isEqualTo("XYZ<12");
        assertThat(mrz.valid()).isTrue();
        // the longest: the continuation and its check digit fill the optional data
        var longest = parser().parse(MrzGenerator.render(td1("D2314589012345678901234", "")));
        assertThat(longest.lines().getFirst()).doesNotEndWith("<");
        assertThat(longest.documentNumber()).isEqualTo("D2314589012345678901234");
        assertThat(longest.valid()).isTrue();
    }

    @Test
    void longDocumentNumberCheckDigitBrokenOrConfused() {
        var lines = MrzGenerator.render(td1("D23145890734", ""));
        var wrong = parser().parse(with(lines, 1, 19, '8'));
        assertThat(wrong.checkDigits().documentNumber()).isEqualTo(new CheckDigit('8', '9', false));
        assertThat(wrong.valid()).isFalse();
        // D23145890735 has check digit 0, which an OCR may read as O
        var confused = with(MrzGenerator.render(td1("D23145890735", "")), 1, 19, 'O');
        var mrz = parser().parse(confused);
        assertThat(mrz.corrections()).containsExactly(new Correction("document_number", 1, 19, 'O', '0', true));
        assertThat(mrz.valid()).isTrue();
    }

    @Test
    void longNumberMarkerWithoutContinuation() {
        var lines = MrzGenerator.render(td1("D23145890", ""));
        var mrz = parser().parse(with(lines, 1, 15, '<'));
        assertThat(mrz.documentNumber()).isEqualTo("D23145890");
        assertThat(mrz.checkDigits().documentNumber().valid()).isFalse();
        assertThat(mrz.problems()).containsExactly(
                "document number: a filler stands for its check digit, but the optional data does not continue it");
    }

    @Test
    void td2LongDocumentNumber() {
        var document = new Document(MrzFormat.TD2, "I", "UTO", "D231458907345", "ERIKSSON", "ANNA MARIA", "UTO",
                BIRTH, Sex.F, EXPIRY, "", "");
        var lines = MrzGenerator.render(document);
        assertThat(lines.get(1)).startsWith("D23145890<UTO").contains("F12041597345");
        var mrz = parser().parse(lines);
        assertThat(mrz.documentNumber()).isEqualTo("D231458907345");
        assertThat(mrz.valid()).isTrue();
    }

    /** TD3 has no long numbers: a filler for its check digit is just a missing check digit. */
    @Test
    void td3HasNoLongDocumentNumbers() {
        var mrz = parser().parse(with(TD3, 2, 10, '<'));
        assertThat(mrz.documentNumber()).isEqualTo("L898902C3");
        assertThat(mrz.checkDigits().documentNumber()).isEqualTo(new CheckDigit('<', '6', false));
        assertThat(mrz.problems()).isEmpty();
    }

    @Test
    void shortDocumentNumbersEndInFillers() {
        var mrz = parser().parse(MrzGenerator.render(td1("A12", "")));
        assertThat(mrz.documentNumber()).isEqualTo("A12");
        assertThat(mrz.lines().getFirst()).startsWith("I<UTOA12<<<<<<");
        assertThat(mrz.valid()).isTrue();
    }

    private static Mrz passportNamed(String nameField) {
        return parser().parse(List.of(MrzGenerator.pad("P<UTO" + nameField, 44), TD3.get(1)));
    }

    private static Document td1(String number, String optionalData) {
        return new Document(MrzFormat.TD1, "I", "UTO", number, "ERIKSSON", "ANNA MARIA", "UTO", BIRTH, Sex.F, EXPIRY,
                optionalData, "");
    }
}
