package io.kycflow.verification.internal.document;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.kycflow.verification.internal.document.Mrz.Correction;
import io.kycflow.verification.internal.document.MrzGenerator.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property tests: random valid documents of every format (seeded), read on random days from 1950 to 2150, written
 * as MRZs and parsed back to the same fields; then with OCR confusions put in, corrected back.
 */
class MrzRoundTripTests {

    private static final int DOCUMENTS = 600;
    private static final LocalDate FIRST_DAY = LocalDate.of(1950, 1, 1);
    private static final long DAYS = ChronoUnit.DAYS.between(FIRST_DAY, LocalDate.of(2151, 1, 1));
    private static final Map<Character, Character> LETTER_FOR_DIGIT = Map.of(
            '0', 'O', '2', 'Z', '5', 'S', '6', 'G', '8', 'B');
    private static final Map<Character, Character> DIGIT_FOR_NAME_LETTER = Map.of(
            'O', '0', 'Z', '2', 'S', '5', 'G', '6', 'B', '8');

    @ParameterizedTest
    @EnumSource(MrzFormat.class)
    void writtenAndReadBack(MrzFormat format) {
        var random = new Random(9303L * (format.ordinal() + 1));
        for (int i = 0; i < DOCUMENTS; i++) {
            var today = FIRST_DAY.plusDays(random.nextLong(DAYS));
            var document = MrzGenerator.random(format, random, today);
            var lines = MrzGenerator.render(document);
            var mrz = new MrzParser(IcaoSpecimens.clockOn(today)).parse(lines);
            var context = "%s read on %s:%n%s".formatted(document, today, String.join("\n", lines));
            assertThat(documentOf(mrz)).as(context).isEqualTo(document);
            assertThat(mrz.valid()).as(context).isTrue();
            assertThat(mrz.corrections()).as(context).isEmpty();
            assertThat(mrz.lines()).as(context).isEqualTo(lines);
            assertThat(mrz.namesTruncated()).as(context).isEqualTo(
                    !MrzLayout.of(format).name().of(String.join("", lines).toCharArray()).endsWith("<"));
        }
    }

    /**
     * Digits in dates and check digits read as letters, letters in names read as digits: the parser corrects every
     * one (the digits verified by their check digits) and reads the same document.
     */
    @ParameterizedTest
    @EnumSource(MrzFormat.class)
    void ocrConfusionsCorrectedBack(MrzFormat format) {
        var random = new Random(9303L * (format.ordinal() + 11));
        var layout = MrzLayout.of(format);
        int corrected = 0;
        for (int i = 0; i < DOCUMENTS; i++) {
            var today = FIRST_DAY.plusDays(random.nextLong(DAYS));
            var document = MrzGenerator.random(format, random, today);
            var lines = MrzGenerator.render(document);
            var text = String.join("", lines).toCharArray();
            var expected = new ArrayList<Correction>();
            for (int position : digitsOnlyPositions(layout)) {
                char digit = text[position];
                char letter = digit == '1' ? (random.nextBoolean() ? 'I' : 'L') : LETTER_FOR_DIGIT.getOrDefault(digit, (char) 0);
                if (letter != 0 && random.nextInt(3) == 0) {
                    expected.add(correction(format, layout, position, letter, digit, true));
                    text[position] = letter;
                }
            }
            for (int position = layout.name().start(); position < layout.name().end(); position++) {
                char digit = DIGIT_FOR_NAME_LETTER.getOrDefault(text[position], (char) 0);
                if (digit != 0 && random.nextInt(5) == 0) {
                    expected.add(correction(format, layout, position, digit, text[position], false));
                    text[position] = digit;
                }
            }
            var read = split(text, format);
            var mrz = new MrzParser(IcaoSpecimens.clockOn(today)).parse(read);
            var context = "%s read on %s:%n%s".formatted(document, today, String.join("\n", read));
            assertThat(documentOf(mrz)).as(context).isEqualTo(document);
            assertThat(mrz.valid()).as(context).isTrue();
            assertThat(mrz.lines()).as(context).isEqualTo(lines);
            assertThat(mrz.rawLines()).as(context).isEqualTo(read);
            assertThat(mrz.corrections()).as(context).containsExactlyInAnyOrderElementsOf(expected);
            corrected += expected.size();
        }
        assertThat(corrected).as("confusions put in").isGreaterThan(DOCUMENTS);
    }

    /** Dates, their check digits, the document number's (when it is in its field) and the composite. */
    private static List<Integer> digitsOnlyPositions(MrzLayout layout) {
        var positions = new ArrayList<Integer>();
        for (var date : List.of(layout.birthDate(), layout.expiryDate())) {
            for (int p = date.start(); p < date.end(); p++) {
                positions.add(p);
            }
        }
        positions.addAll(List.of(layout.birthDateCheck(), layout.expiryDateCheck(), layout.documentNumberCheck()));
        if (layout.optionalDataCheck() >= 0) {
            positions.add(layout.optionalDataCheck());
        }
        if (layout.composite() >= 0) {
            positions.add(layout.composite());
        }
        return positions;
    }

    private static Correction correction(MrzFormat format, MrzLayout layout, int position, char read, char corrected,
                                         boolean verified) {
        var field = layout.name().contains(position) ? "name"
                : layout.birthDate().contains(position) || position == layout.birthDateCheck() ? "birth_date"
                : layout.expiryDate().contains(position) || position == layout.expiryDateCheck() ? "expiry_date"
                : position == layout.documentNumberCheck() ? "document_number"
                : position == layout.optionalDataCheck() ? "optional_data"
                : "composite";
        return new Correction(field, position / format.lineLength() + 1, position % format.lineLength() + 1, read,
                corrected, verified);
    }

    private static List<String> split(char[] text, MrzFormat format) {
        var lines = new ArrayList<String>();
        for (int start = 0; start < text.length; start += format.lineLength()) {
            lines.add(new String(text, start, format.lineLength()));
        }
        return lines;
    }

    static Document documentOf(Mrz mrz) {
        return new Document(mrz.format(), mrz.documentCode(), mrz.issuingCountry(), mrz.documentNumber(),
                mrz.surname(), mrz.givenNames(), mrz.nationality(), mrz.birthDate(), mrz.sex(), mrz.expiryDate(),
                mrz.optionalData(), mrz.optionalData2());
    }
}
