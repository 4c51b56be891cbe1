package io.kycflow.verification.internal.document;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IcaoCheckDigitTests {

    /** Check digits printed on the Doc 9303 specimens (the last: TD3's composite, over its three runs). */
    @ParameterizedTest
    @CsvSource({
            "L898902C3, 6", "740812, 2", "120415, 9", "ZE184226B<<<<<, 1", "D23145890, 7", "D23145890734, 9",
            "L8988901C, 4", "400907, 8", "961210, 9",
            "L898902C3674081221204159ZE184226B<<<<<1, 0"})
    void specimenCheckDigits(String data, char expected) {
        assertThat(IcaoCheckDigit.of(data)).isEqualTo(expected);
    }

    /** 5·7 + 2·3 + 0·1 + 7·7 + 2·3 + 7·1 = 103: weights 7, 3, 1 repeat, the digit is the sum modulo 10. */
    @Test
    void weightsRepeatSevenThreeOne() {
        assertThat(IcaoCheckDigit.of("520727")).isEqualTo('3');
    }

    @Test
    void fillersCountAsZeroAndLettersFromTen() {
        assertThat(IcaoCheckDigit.value('<')).isZero();
        assertThat(IcaoCheckDigit.value('0')).isZero();
        assertThat(IcaoCheckDigit.value('9')).isEqualTo(9);
        assertThat(IcaoCheckDigit.value('A')).isEqualTo(10);
        assertThat(IcaoCheckDigit.value('Z')).isEqualTo(35);
        assertThat(IcaoCheckDigit.of("<<<<<<")).isEqualTo('0');
        assertThat(IcaoCheckDigit.of("")).isEqualTo('0');
        // A=10 weighted 7 is 70, as 0 would be: letters and digits can collide, the check is only mod 10
        assertThat(IcaoCheckDigit.of("A")).isEqualTo(IcaoCheckDigit.of("0"));
    }

    @Test
    void refusesCharactersOutsideTheMrzAlphabet() {
        assertThatThrownBy(() -> IcaoCheckDigit.of("ab")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a'");
        assertThatThrownBy(() -> IcaoCheckDigit.value(' ')).isInstanceOf(IllegalArgumentException.class);
    }
}
