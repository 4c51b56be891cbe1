package io.kycflow.verification.internal.document;

import java.time.LocalDate;
import java.util.List;

import io.kycflow.verification.internal.document.Mrz.CheckDigit;
import io.kycflow.verification.internal.document.Mrz.Correction;
import org.junit.jupiter.api.Test;

import static io.kycflow.verification.internal.document.IcaoSpecimens.CLOCK;
import static io.kycflow.verification.internal.document.IcaoSpecimens.TD1;
import static io.kycflow.verification.internal.document.IcaoSpecimens.TD3;
import static io.kycflow.verification.internal.document.IcaoSpecimens.parser;
import static io.kycflow.verification.internal.document.IcaoSpecimens.with;
import static org.assertj.core.api.Assertions.assertThat;

/** OCR confusions corrected where the field's type rules the character out, and only when a check confirms it. */
class MrzOcrCorrectionTests {

    @Test
    void lettersInADateBecomeDigitsWhenItsCheckDigitVerifies() {
        var read = with(with(TD3, 2, 16, 'O'), 2, 18, 'I');
        var mrz = parser().parse(read);
        assertThat(mrz.birthDate()).isEqualTo(LocalDate.of(1974, 8, 12));
        assertThat(mrz.corrections()).containsExactly(
                new Correction("birth_date", 2, 16, 'O', '0', true),
                new Correction("birth_date", 2, 18, 'I', '1', true));
        assertThat(mrz.valid()).isTrue();
        assertThat(mrz.rawLines()).isEqualTo(read);
        assertThat(mrz.lines()).isEqualTo(TD3);
    }

    @Test
    void letterCheckDigitsBecomeDigitsWhenTheyVerify() {
        var mrz = parser().parse(with(with(TD3, 2, 10, 'G'), 2, 44, 'O'));
        assertThat(mrz.corrections()).containsExactly(
                new Correction("document_number", 2, 10, 'G', '6', true),
                new Correction("composite", 2, 44, 'O', '0', true));
        assertThat(mrz.checkDigits().documentNumber()).isEqualTo(new CheckDigit('6', '6', true));
        assertThat(mrz.valid()).isTrue();

        var td1 = parser().parse(with(TD1, 2, 30, 'G'));
        assertThat(td1.corrections()).containsExactly(new Correction("composite", 2, 30, 'G', '6', true));
        assertThat(td1.valid()).isTrue();
    }

    @Test
    void noCorrectionWhenTheCheckDigitDoesNotThenVerify() {
        var mrz = parser().parse(with(with(TD3, 2, 17, 'B'), 2, 20, '4'));
        assertThat(mrz.corrections()).isEmpty();
        assertThat(mrz.birthDate()).isNull();
        assertThat(mrz.problems()).containsExactly("birth date 740B12 is not readable");
        assertThat(mrz.checkDigits().birthDate().valid()).isFalse();
        assertThat(mrz.valid()).isFalse();
    }

    /** B counts 11 where 8 counted 8: here that moves the check digit from 2 to 3, which a letter cannot make valid. */
    @Test
    void aLetterSatisfyingTheCheckDigitByChanceIsStillUnreadable() {
        var mrz = parser().parse(with(with(TD3, 2, 17, 'B'), 2, 20, '3'));
        assertThat(mrz.corrections()).isEmpty();
        assertThat(mrz.checkDigits().birthDate().valid()).isTrue();
        assertThat(mrz.birthDate()).isNull();
        assertThat(mrz.valid()).isFalse();
    }

    @Test
    void allOfAFieldsLettersOrNone() {
        // X is no usual confusion, so the O beside it is not corrected either
        var mrz = parser().parse(with(with(TD3, 2, 22, 'X'), 2, 24, 'O'));
        assertThat(mrz.corrections()).isEmpty();
        assertThat(mrz.expiryDate()).isNull();
        assertThat(mrz.problems()).containsExactly("expiry date X2O415 is not readable");
    }

    @Test
    void noCorrectionIntoADateThatDoesNotExist() {
        // 7413I2 with the check digit of 741312: the digit verifies, but there is no 13th month
        var read = with(with(with(TD3, 2, 16, '1'), 2, 17, '3'), 2, 18, 'I');
        var mrz = parser().parse(with(read, 2, 20, IcaoCheckDigit.of("741312")));
        assertThat(mrz.corrections()).isEmpty();
        assertThat(mrz.birthDate()).isNull();
        assertThat(mrz.checkDigits().birthDate().valid()).isFalse();
    }

    @Test
    void alphanumericFieldsAreNeverChanged() {
        var mrz = parser().parse(with(TD3, 2, 6, 'O'));
        assertThat(mrz.documentNumber()).isEqualTo("L8989O2C3");
        assertThat(mrz.corrections()).isEmpty();
        assertThat(mrz.checkDigits().documentNumber().valid()).isFalse();
    }

    @Test
    void digitsInACountryCodeBecomeTheOneKnownCode() {
        var mrz = parser().parse(with(with(TD3, 1, 5, '0'), 2, 13, '0'));
        assertThat(mrz.issuingCountry()).isEqualTo("UTO");
        assertThat(mrz.nationality()).isEqualTo("UTO");
        assertThat(mrz.corrections()).containsExactly(
                new Correction("issuing_country", 1, 5, '0', 'O', true),
                new Correction("nationality", 2, 13, '0', 'O', true));
        assertThat(mrz.valid()).isTrue();
        // 1 may be I or L: ITA is a code, LTA is not
        var italy = parser().parse(List.of("P<1TAERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", TD3.get(1)));
        assertThat(italy.issuingCountry()).isEqualTo("ITA");
        assertThat(italy.corrections()).containsExactly(new Correction("issuing_country", 1, 3, '1', 'I', true));
    }

    @Test
    void ambiguousOrUnknownCountryCodesStayAsRead() {
        // AIA (Anguilla) and ALA (Åland Islands) are both codes
        var ambiguous = parser().parse(List.of("P<A1AERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", TD3.get(1)));
        assertThat(ambiguous.issuingCountry()).isEqualTo("A1A");
        assertThat(ambiguous.corrections()).isEmpty();
        assertThat(ambiguous.problems()).containsExactly("issuing country A1A is not a country code");
        assertThat(ambiguous.valid()).isFalse();

        var seven = parser().parse(with(TD3, 2, 12, '7'));
        assertThat(seven.problems()).containsExactly("nationality U7O is not a country code");

        var knowingNothing = new MrzParser(CLOCK, code -> false).parse(with(TD3, 1, 5, '0'));
        assertThat(knowingNothing.issuingCountry()).isEqualTo("UT0");
        assertThat(knowingNothing.corrections()).isEmpty();
    }

    @Test
    void digitsInNamesBecomeTheirOnlyLetterUnverified() {
        var mrz = parser().parse(List.of("P<UTOERIK5S0N<<ANNA<MAR8ARA<<<<<<<<<<<<<<<<<", TD3.get(1)));
        assertThat(mrz.surname()).isEqualTo("ERIKSSON");
        assertThat(mrz.givenNames()).isEqualTo("ANNA MARBARA");
        assertThat(mrz.corrections()).containsExactly(
                new Correction("name", 1, 10, '5', 'S', false),
                new Correction("name", 1, 12, '0', 'O', false),
                new Correction("name", 1, 24, '8', 'B', false));
        assertThat(mrz.valid()).isTrue();
    }

    @Test
    void oneInANameIsIOrLSoItStays() {
        var mrz = parser().parse(List.of("P<UTOERIKSSON<<ANNA<MAR1A<<<<<<<<<<<<<<<<<<<", TD3.get(1)));
        assertThat(mrz.givenNames()).isEqualTo("ANNA MAR1A");
        assertThat(mrz.corrections()).isEmpty();
        assertThat(mrz.problems()).containsExactly("name ERIKSSON<<ANNA<MAR1A has characters other than letters");
        assertThat(mrz.valid()).isFalse();
    }

    @Test
    void documentCodeAndSex() {
        var code = parser().parse(with(TD1, 1, 1, '1'));
        assertThat(code.problems()).containsExactly("document code 1< is not a letter code");
        var corrected = parser().parse(with(TD3, 1, 2, '8'));
        assertThat(corrected.documentCode()).isEqualTo("PB");
        assertThat(corrected.corrections()).containsExactly(new Correction("document_code", 1, 2, '8', 'B', false));

        var sex = parser().parse(with(TD3, 2, 21, 'H'));
        assertThat(sex.sex()).isNull();
        assertThat(sex.problems()).containsExactly("sex 'H' is not M, F or <");
        assertThat(parser().parse(with(TD3, 2, 21, '<')).sex()).isEqualTo(Mrz.Sex.X);
        assertThat(parser().parse(with(TD3, 2, 21, 'X')).sex()).isEqualTo(Mrz.Sex.X);
        assertThat(parser().parse(with(TD3, 2, 21, 'M')).sex()).isEqualTo(Mrz.Sex.M);
    }
}
