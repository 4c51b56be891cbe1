package io.kycflow.verification.internal.document;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * What a machine-readable zone says, read by {@link MrzParser}. Text fields have their trailing fillers removed;
 * names have fillers turned into spaces.
 *
 * @param rawLines        the lines as read (trimmed, upper case)
 * @param lines           the lines after the OCR corrections listed in {@code corrections}
 * @param documentCode    e.g. {@code P}, {@code PD}, {@code ID}, {@code AC}, {@code V}
 * @param issuingCountry  the issuing state's code: ISO alpha-3 or one of ICAO's ({@code D}, {@code GBD}, {@code UNO}
 *                        …; see {@link IcaoCodes})
 * @param documentNumber  the whole number, including the part a long TD1/TD2 number puts in the optional data
 * @param namesTruncated  the name field is filled to its last position, which is how Doc 9303 marks a truncated
 *                        name (a name that fits exactly looks the same)
 * @param birthDate       null when the MRZ leaves it unknown (fillers) or it is unreadable (then in
 *                        {@code problems})
 * @param sex             null when unreadable; {@code <} reads as {@link Sex#X}
 * @param expiryDate      null when the MRZ has none (fillers) or it is unreadable (then in {@code problems})
 * @param optionalData    TD1: line 1's optional data (after a long document number's continuation); TD3: the
 *                        personal number; TD2, visas: the optional data
 * @param optionalData2   TD1: line 2's optional data; empty for other formats
 * @param corrections     OCR confusions corrected, in MRZ order
 * @param problems        why the zone is not well formed, beyond check digits (unreadable dates, sex, codes, names)
 */
public record Mrz(MrzFormat format, List<String> rawLines, List<String> lines, String documentCode,
                  String issuingCountry, String documentNumber, String surname, String givenNames,
                  boolean namesTruncated, String nationality, @Nullable LocalDate birthDate, @Nullable Sex sex,
                  @Nullable LocalDate expiryDate, String optionalData, String optionalData2, CheckDigits checkDigits,
                  List<Correction> corrections, List<String> problems) {

    public Mrz {
        rawLines = List.copyOf(rawLines);
        lines = List.copyOf(lines);
        corrections = List.copyOf(corrections);
        problems = List.copyOf(problems);
    }

    /** Every check digit verifies and every field is well formed. */
    public boolean valid() {
        return problems.isEmpty() && checkDigits.allValid();
    }

    /** The zone as read, lines separated by {@code \n}. */
    public String raw() {
        return String.join("\n", rawLines);
    }

    public enum Sex {
        M, F,
        /** Unspecified: {@code <} in the MRZ (also {@code X}, which some issuers print). */
        X
    }

    /** One check digit: the one printed ({@code found}) against the one computed ({@code expected}). */
    public record CheckDigit(char found, char expected, boolean valid) {
    }

    /**
     * @param optionalData TD3's personal number check digit; null for other formats
     * @param composite    null for visas, which have none
     */
    public record CheckDigits(CheckDigit documentNumber, CheckDigit birthDate, CheckDigit expiryDate,
                              @Nullable CheckDigit optionalData, @Nullable CheckDigit composite) {

        public boolean allValid() {
            return Stream.of(documentNumber, birthDate, expiryDate, optionalData, composite)
                    .allMatch(digit -> digit == null || digit.valid());
        }
    }

    /**
     * One OCR confusion corrected.
     *
     * @param line     1-based
     * @param column   1-based
     * @param verified a check digit (or, for country codes, the list of known codes) confirmed the correction; names
     *                 and the document code have no such check, so their corrections are unverified
     */
    public record Correction(String field, int line, int column, char read, char corrected, boolean verified) {
    }
}
