package io.kycflow.verification.internal.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import io.kycflow.verification.internal.document.Mrz.CheckDigit;
import io.kycflow.verification.internal.document.Mrz.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.kycflow.verification.internal.document.IcaoSpecimens.parser;
import static io.kycflow.verification.internal.document.IcaoSpecimens.with;
import static org.assertj.core.api.Assertions.assertThat;

/** The Doc 9303 specimens read field by field, and each of their check digits broken in turn. */
class MrzSpecimenTests {

    @Test
    void td3Passport() {
        var mrz = parser().parse(IcaoSpecimens.TD3);
        assertThat(mrz.format()).isEqualTo(MrzFormat.TD3);
        assertThat(mrz.documentCode()).isEqualTo("P");
        assertThat(mrz.issuingCountry()).isEqualTo("UTO");
        assertThat(mrz.surname()).isEqualTo("ERIKSSON");
        assertThat(mrz.givenNames()).isEqualTo("ANNA MARIA");
        assertThat(mrz.namesTruncated()).isFalse();
        assertThat(mrz.documentNumber()).isEqualTo("L898902C3");
        assertThat(mrz.nationality()).isEqualTo("UTO");
        assertThat(mrz.birthDate()).isEqualTo(LocalDate.of(1974, 8, 12));
        assertThat(mrz.sex()).isEqualTo(Sex.F);
        assertThat(mrz.expiryDate()).isEqualTo(LocalDate.of(2012, 4, 15));
        assertThat(mrz.optionalData()).isEqualTo("ZE184226B");
        assertThat(mrz.optionalData2()).isEmpty();
        var digits = mrz.checkDigits();
        assertThat(digits.documentNumber()).isEqualTo(new CheckDigit('6', '6', true));
        assertThat(digits.birthDate()).isEqualTo(new CheckDigit('2', '2', true));
        assertThat(digits.expiryDate()).isEqualTo(new CheckDigit('9', '9', true));
        assertThat(digits.optionalData()).isEqualTo(new CheckDigit('1', '1', true));
        assertThat(digits.composite()).isEqualTo(new CheckDigit('0', '0', true));
        assertThat(mrz.valid()).isTrue();
        assertThat(mrz.corrections()).isEmpty();
        assertThat(mrz.problems()).isEmpty();
        assertThat(mrz.rawLines()).isEqualTo(IcaoSpecimens.TD3).isEqualTo(mrz.lines());
        assertThat(mrz.raw()).isEqualTo(String.join("\n", IcaoSpecimens.TD3));
    }

    @Test
    void td2() {
        var mrz = parser().parse(IcaoSpecimens.TD2);
        assertThat(mrz.format()).isEqualTo(MrzFormat.TD2);
        assertThat(mrz.documentCode()).isEqualTo("I");
        assertThat(List.of(mrz.surname(), mrz.givenNames())).containsExactly("ERIKSSON", "ANNA MARIA");
        assertThat(mrz.documentNumber()).isEqualTo("D23145890");
        assertThat(mrz.birthDate()).isEqualTo(LocalDate.of(1974, 8, 12));
        assertThat(mrz.expiryDate()).isEqualTo(LocalDate.of(2012, 4, 15));
        assertThat(mrz.optionalData()).isEmpty();
        assertThat(mrz.checkDigits().optionalData()).isNull();
        assertThat(mrz.checkDigits().composite()).isEqualTo(new CheckDigit('6', '6', true));
        assertThat(mrz.valid()).isTrue();
    }

    @Test
    void td1() {
        var mrz = parser().parse(IcaoSpecimens.TD1);
        assertThat(mrz.format()).isEqualTo(MrzFormat.TD1);
        assertThat(mrz.documentCode()).isEqualTo("I");
        assertThat(mrz.issuingCountry()).isEqualTo("UTO");
        assertThat(mrz.documentNumber()).isEqualTo("D23145890");
        assertThat(mrz.checkDigits().documentNumber()).isEqualTo(new CheckDigit('7', '7', true));
        assertThat(mrz.nationality()).isEqualTo("UTO");
        assertThat(mrz.sex()).isEqualTo(Sex.F);
        assertThat(List.of(mrz.surname(), mrz.givenNames())).containsExactly("ERIKSSON", "ANNA MARIA");
        assertThat(mrz.optionalData()).isEmpty();
        assertThat(mrz.optionalData2()).isEmpty();
        assertThat(mrz.checkDigits().composite()).isEqualTo(new CheckDigit('6', '6', true));
        assertThat(mrz.valid()).isTrue();
    }

    @Test
    void visas() {
        var a = parser().parse(IcaoSpecimens.MRVA);
        assertThat(a.format()).isEqualTo(MrzFormat.MRVA);
        assertThat(a.documentCode()).isEqualTo("V");
        assertThat(a.documentNumber()).isEqualTo("L8988901C");
        assertThat(a.nationality()).isEqualTo("XXX");
        assertThat(a.birthDate()).isEqualTo(LocalDate.of(1940, 9, 7));
        assertThat(a.expiryDate()).isEqualTo(LocalDate.of(1996, 12, 10));
        assertThat(a.optionalData()).isEqualTo("6ZE184226B");
        assertThat(a.checkDigits().composite()).isNull();
        assertThat(a.checkDigits().optionalData()).isNull();
        assertThat(a.valid()).isTrue();

        var b = parser().parse(IcaoSpecimens.MRVB);
        assertThat(b.format()).isEqualTo(MrzFormat.MRVB);
        assertThat(List.of(b.surname(), b.givenNames())).containsExactly("ERIKSSON", "ANNA MARIA");
        assertThat(b.optionalData()).isEmpty();
        assertThat(b.valid()).isTrue();
    }

    /** Every check digit of every specimen, replaced by each other digit: that check fails, nothing is corrected. */
    @ParameterizedTest(name = "{0} line {1} column {2}: {3}")
    @MethodSource("wrongCheckDigits")
    void eachWrongCheckDigitIsCaught(String specimen, int line, int column, char wrong,
                                     Function<Mrz, CheckDigit> checkDigit) {
        var mrz = parser().parse(with(specimen(specimen), line, column, wrong));
        assertThat(checkDigit.apply(mrz)).isEqualTo(new CheckDigit(wrong,
                specimen(specimen).get(line - 1).charAt(column - 1), false));
        assertThat(mrz.valid()).isFalse();
        assertThat(mrz.corrections()).isEmpty();
        assertThat(mrz.problems()).isEmpty();
    }

    static Stream<Arguments> wrongCheckDigits() {
        Function<Mrz, CheckDigit> number = mrz -> mrz.checkDigits().documentNumber();
        Function<Mrz, CheckDigit> birth = mrz -> mrz.checkDigits().birthDate();
        Function<Mrz, CheckDigit> expiry = mrz -> mrz.checkDigits().expiryDate();
        Function<Mrz, CheckDigit> optional = mrz -> mrz.checkDigits().optionalData();
        Function<Mrz, CheckDigit> composite = mrz -> mrz.checkDigits().composite();
        var positions = List.of(
                Arguments.of("TD3", 2, 10, number), Arguments.of("TD3", 2, 20, birth),
                Arguments.of("TD3", 2, 28, expiry), Arguments.of("TD3", 2, 43, optional),
                Arguments.of("TD3", 2, 44, composite),
                Arguments.of("TD2", 2, 10, number), Arguments.of("TD2", 2, 20, birth),
                Arguments.of("TD2", 2, 28, expiry), Arguments.of("TD2", 2, 36, composite),
                Arguments.of("TD1", 1, 15, number), Arguments.of("TD1", 2, 7, birth),
                Arguments.of("TD1", 2, 15, expiry), Arguments.of("TD1", 2, 30, composite),
                Arguments.of("MRVA", 2, 10, number), Arguments.of("MRVA", 2, 20, birth),
                Arguments.of("MRVA", 2, 28, expiry),
                Arguments.of("MRVB", 2, 10, number), Arguments.of("MRVB", 2, 20, birth),
                Arguments.of("MRVB", 2, 28, expiry));
        var cases = new ArrayList<Arguments>();
        for (var position : positions) {
            var args = position.get();
            char right = specimen((String) args[0]).get((int) args[1] - 1).charAt((int) args[2] - 1);
            for (char wrong = '0'; wrong <= '9'; wrong++) {
                if (wrong != right) {
                    cases.add(Arguments.of(args[0], args[1], args[2], wrong, args[3]));
                }
            }
        }
        return cases.stream();
    }

    /** A field's check digit covers the field: a changed birth date fails its check digit and the composite. */
    @Test
    void changedFieldFailsItsCheckDigitAndTheComposite() {
        var mrz = parser().parse(with(IcaoSpecimens.TD3, 2, 19, '3'));
        assertThat(mrz.birthDate()).isEqualTo(LocalDate.of(1974, 8, 13));
        assertThat(mrz.checkDigits().birthDate().valid()).isFalse();
        assertThat(mrz.checkDigits().composite().valid()).isFalse();
        assertThat(mrz.checkDigits().documentNumber().valid()).isTrue();
        assertThat(mrz.valid()).isFalse();
    }

    /** The personal number's check digit may be a filler when the personal number is empty (Part 4). */
    @Test
    void emptyPersonalNumberMayHaveAFillerCheckDigit() {
        var filler = parser().parse(List.of(IcaoSpecimens.TD3.get(0),
                "L898902C36UTO7408122F1204159<<<<<<<<<<<<<<<8"));
        assertThat(filler.optionalData()).isEmpty();
        assertThat(filler.checkDigits().optionalData()).isEqualTo(new CheckDigit('<', '0', true));
        assertThat(filler.valid()).isTrue();
        var zero = parser().parse(List.of(IcaoSpecimens.TD3.get(0),
                "L898902C36UTO7408122F1204159<<<<<<<<<<<<<<08"));
        assertThat(zero.valid()).isTrue();
        // a filler does not stand for the check digit of a personal number that is there
        var missing = parser().parse(with(IcaoSpecimens.TD3, 2, 43, '<'));
        assertThat(missing.checkDigits().optionalData()).isEqualTo(new CheckDigit('<', '1', false));
    }

    static List<String> specimen(String name) {
        return switch (name) {
            case "TD3" -> IcaoSpecimens.TD3;
            case "TD2" -> IcaoSpecimens.TD2;
            case "TD1" -> IcaoSpecimens.TD1;
            case "MRVA" -> IcaoSpecimens.MRVA;
            case "MRVB" -> IcaoSpecimens.MRVB;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
