package io.kycflow.verification.internal.document;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.kycflow.verification.internal.document.IcaoSpecimens.TD1;
import static io.kycflow.verification.internal.document.IcaoSpecimens.TD3;
import static io.kycflow.verification.internal.document.IcaoSpecimens.parser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What is tolerated around the MRZ, and what is refused (with the reason) rather than guessed. */
class MrzTextTests {

    @Test
    void whitespaceAroundLinesBlankLinesAndLowerCaseAreTolerated() {
        var text = "\n   " + TD3.get(0) + " \t\r\n\r\n  " + TD3.get(1).toLowerCase() + "\n  \n";
        var mrz = parser().parse(text);
        assertThat(mrz.rawLines()).isEqualTo(TD3);
        assertThat(mrz.valid()).isTrue();
        assertThat(parser().parse(String.join("\n", TD1)).valid()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                         | no MRZ text",
            "'  \\n  '                    | no MRZ text",
            "P<UTOERIKSSON              | an MRZ has 2 lines (TD2, TD3, visas) or 3 (TD1); this text has 1",
            "A\\nB\\nC\\nD                 | an MRZ has 2 lines (TD2, TD3, visas) or 3 (TD1); this text has 4"})
    void wrongLineCounts(String text, String reason) {
        assertThatThrownBy(() -> parser().parse(text.replace("\\n", "\n")))
                .isInstanceOf(UnreadableMrzException.class).hasMessage(reason);
    }

    @Test
    void linesOfTheWrongLengthAreRefusedNotPaddedOrCut() {
        assertThatThrownBy(() -> parser().parse(List.of(TD3.get(0), TD3.get(1).substring(1))))
                .isInstanceOf(UnreadableMrzException.class)
                .hasMessage("a 2-line MRZ has lines of 36 (TD2, MRV-B) or 44 (TD3, MRV-A) characters; these have 44 and 43");
        assertThatThrownBy(() -> parser().parse(List.of(TD3.get(0) + "<", TD3.get(1) + "<")))
                .hasMessage("a 2-line MRZ has lines of 36 (TD2, MRV-B) or 44 (TD3, MRV-A) characters; these have 45 and 45");
        assertThatThrownBy(() -> parser().parse(List.of(TD1.get(0), TD1.get(1).substring(0, 29), TD1.get(2))))
                .isInstanceOf(UnreadableMrzException.class)
                .hasMessage("a 3-line MRZ (TD1) has lines of 30 characters; line 2 has 29");
        // a TD2 line 1 with a TD3 line 2: each length is right, together they are no format
        assertThatThrownBy(() -> parser().parse(List.of(IcaoSpecimens.TD2.get(0), TD3.get(1))))
                .hasMessageContaining("these have 36 and 44");
    }

    @Test
    void charactersOutsideTheMrzAlphabetAreRefused() {
        assertThatThrownBy(() -> parser().parse(List.of(TD3.get(0).replaceFirst("<<", "« "), TD3.get(1))))
                .isInstanceOf(UnreadableMrzException.class)
                .hasMessage("line 1, column 14: U+00AB is not an MRZ character (A-Z, 0-9, <)");
        assertThatThrownBy(() -> parser().parse(List.of(TD3.get(0), TD3.get(1).replace('F', ' '))))
                .hasMessage("line 2, column 21: whitespace is not an MRZ character (A-Z, 0-9, <)");
        assertThatThrownBy(() -> parser().parse(List.of(TD3.get(0), TD3.get(1).replace('F', '-'))))
                .hasMessage("line 2, column 21: '-' is not an MRZ character (A-Z, 0-9, <)");
        // upper-casing ß would make SS and lengthen the line: it is refused before
        assertThatThrownBy(() -> parser().parse(List.of(TD3.get(0).replace('S', 'ß'), TD3.get(1))))
                .hasMessageStartingWith("line 1, column 10: U+00DF");
    }

    @Test
    void wellShapedGarbageIsReadAndReportedNotThrown() {
        var fillers = parser().parse(List.of("<".repeat(44), "<".repeat(44)));
        assertThat(fillers.format()).isEqualTo(MrzFormat.TD3);
        assertThat(fillers.valid()).isFalse();
        assertThat(fillers.problems()).contains("document code << is not a letter code",
                "the document number is empty", "the name is empty");
        assertThat(fillers.birthDate()).isNull();
        assertThat(fillers.expiryDate()).isNull();
    }

    /** Any text either reads as an MRZ or is refused as unreadable: no other failure, whatever the input. */
    @Test
    void randomTextNeverFailsOtherwise() {
        var random = new Random(9303);
        var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<<<<<<<";
        for (int i = 0; i < 3000; i++) {
            var format = MrzFormat.values()[random.nextInt(MrzFormat.values().length)];
            var lines = new ArrayList<String>();
            for (int line = 0; line < format.lines(); line++) {
                var text = new StringBuilder();
                for (int c = 0; c < format.lineLength(); c++) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                lines.add(text.toString());
            }
            if (i % 3 == 0) {
                lines.set(0, (random.nextBoolean() ? "V" : "P") + lines.get(0).substring(1));
            }
            var thrown = catchThrowable(() -> parser().parse(lines));
            assertThat(thrown).as("%s", lines).isNull();
        }
        for (int i = 0; i < 1000; i++) {
            var bytes = new byte[random.nextInt(200)];
            random.nextBytes(bytes);
            var text = new String(bytes, StandardCharsets.ISO_8859_1);
            var thrown = catchThrowable(() -> parser().parse(text));
            if (thrown != null) {
                assertThat(thrown).isInstanceOf(UnreadableMrzException.class);
            }
        }
    }
}
