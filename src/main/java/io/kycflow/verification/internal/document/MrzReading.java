package io.kycflow.verification.internal.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import io.kycflow.verification.internal.document.Mrz.CheckDigit;
import io.kycflow.verification.internal.document.Mrz.CheckDigits;
import io.kycflow.verification.internal.document.Mrz.Correction;
import io.kycflow.verification.internal.document.Mrz.Sex;
import org.jspecify.annotations.Nullable;

import static io.kycflow.verification.internal.document.OcrConfusions.digitFor;
import static io.kycflow.verification.internal.document.OcrConfusions.isDigit;
import static io.kycflow.verification.internal.document.OcrConfusions.isLetter;

/**
 * One pass over the lines of a known format: fields read, OCR confusions corrected where the field's type rules the
 * character out (see {@link MrzParser} for the policy), check digits verified, problems collected.
 */
final class MrzReading {

    private static final Predicate<String> ANY = text -> true;
    private static final Comparator<Correction> IN_MRZ_ORDER =
            Comparator.comparingInt(Correction::line).thenComparingInt(Correction::column);

    private final MrzFormat format;
    private final MrzLayout layout;
    private final List<String> rawLines;
    private final char[] mrz;
    private final LocalDate today;
    private final Predicate<String> knownCountryCode;
    private final List<Correction> corrections = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    MrzReading(MrzFormat format, List<String> rawLines, LocalDate today, Predicate<String> knownCountryCode) {
        this.format = format;
        this.layout = MrzLayout.of(format);
        this.rawLines = rawLines;
        this.mrz = String.join("", rawLines).toCharArray();
        this.today = today;
        this.knownCountryCode = knownCountryCode;
    }

    Mrz read() {
        var documentCode = documentCode();
        var issuingCountry = countryCode("issuing_country", layout.issuingState());
        var nationality = countryCode("nationality", layout.nationality());
        var names = MrzNames.read(this, layout.name());
        var number = documentNumber();
        var birthCheck = check("birth_date", List.of(layout.birthDate()), layout.birthDateCheck(), layout.birthDate(),
                true, text -> !MrzDates.sixDigits(text) || MrzDates.birthDate(text, today) != null);
        var birthDate = birthDate();
        var expiryCheck = check("expiry_date", List.of(layout.expiryDate()), layout.expiryDateCheck(),
                layout.expiryDate(), true, text -> text.equals("<<<<<<") || MrzDates.expiryDate(text, today) != null);
        var expiryDate = expiryDate();
        var optionalCheck = layout.optionalDataCheck() < 0 ? null : check("optional_data",
                List.of(layout.optionalData()), layout.optionalDataCheck(), Span.NONE, true, ANY);
        var composite = layout.composite() < 0 ? null
                : check("composite", layout.compositeData(), layout.composite(), Span.NONE, false, ANY);
        var sex = sex();
        return new Mrz(format, rawLines, correctedLines(), documentCode, issuingCountry, number.value(),
                names.surname(), names.givenNames(), names.truncated(), nationality, birthDate, sex, expiryDate,
                withoutTrailingFillers(number.optionalData().of(mrz)),
                withoutTrailingFillers(layout.optionalData2().of(mrz)),
                new CheckDigits(number.check(), birthCheck, expiryCheck, optionalCheck, composite),
                corrections.stream().sorted(IN_MRZ_ORDER).toList(), problems);
    }

    private String documentCode() {
        var span = layout.documentCode();
        correctDigitsInLetterField("document_code", span);
        char first = mrz[span.start()];
        char second = mrz[span.start() + 1];
        if (!isLetter(first) || !(isLetter(second) || second == '<')) {
            problem("document code " + span.of(mrz) + " is not a letter code");
        }
        return withoutTrailingFillers(span.of(mrz));
    }

    /**
     * A country code with digits in it is corrected only when exactly one reading of those digits as letters is a
     * known code: 1 may be I or L, and {@code A1A} (AIA Anguilla, ALA Åland) stays as read.
     */
    private String countryCode(String field, Span span) {
        var read = span.of(mrz);
        if (read.chars().anyMatch(c -> isDigit((char) c))) {
            var known = letterReadings(read).stream()
                    .filter(code -> knownCountryCode.test(withoutTrailingFillers(code))).toList();
            if (known.size() == 1) {
                for (int i = 0; i < read.length(); i++) {
                    if (read.charAt(i) != known.getFirst().charAt(i)) {
                        correct(field, span.start() + i, known.getFirst().charAt(i), true);
                    }
                }
            }
        }
        var code = withoutTrailingFillers(span.of(mrz));
        if (code.isEmpty() || !code.chars().allMatch(c -> isLetter((char) c))) {
            problem(field.replace('_', ' ') + " " + span.of(mrz) + " is not a country code");
        }
        return code;
    }

    private static List<String> letterReadings(String read) {
        var readings = new ArrayList<>(List.of(""));
        for (char c : read.toCharArray()) {
            var options = isDigit(c) ? OcrConfusions.lettersFor(c) : List.of(c);
            var next = new ArrayList<String>();
            for (var prefix : readings) {
                for (char option : options) {
                    next.add(prefix + option);
                }
            }
            readings = next;
        }
        return readings;
    }

    private record DocumentNumber(String value, CheckDigit check, Span optionalData) {
    }

    /**
     * A TD1/TD2 document number longer than 9 characters (Doc 9303 Part 5, 4.2.2 note j): its first 9 in the field, a
     * filler where the check digit would be, then the rest, its check digit and a filler at the start of the
     * optional data.
     */
    private DocumentNumber documentNumber() {
        var principal = layout.documentNumber();
        int checkAt = layout.documentNumberCheck();
        var optional = layout.optionalData();
        if (format.allowsLongDocumentNumber() && mrz[checkAt] == '<' && mrz[principal.end() - 1] != '<') {
            var text = optional.of(mrz);
            int end = text.indexOf('<') < 0 ? text.length() : text.indexOf('<');
            if (end >= 2) {
                var rest = new Span(optional.start(), end - 1);
                int restCheckAt = rest.end();
                var check = check("document_number", List.of(principal, rest), restCheckAt, Span.NONE, false, ANY);
                var remaining = end == text.length() ? Span.NONE
                        : new Span(optional.start() + end + 1, optional.length() - end - 1);
                return new DocumentNumber(principal.of(mrz) + rest.of(mrz), check, remaining);
            }
            problem("document number: a filler stands for its check digit, but the optional data does not continue it");
        }
        var check = check("document_number", List.of(principal), checkAt, Span.NONE, false, ANY);
        var value = withoutTrailingFillers(principal.of(mrz));
        if (value.isEmpty()) {
            problem("the document number is empty");
        }
        return new DocumentNumber(value, check, optional);
    }

    private @Nullable LocalDate birthDate() {
        var text = layout.birthDate().of(mrz);
        if (MrzDates.sixDigits(text)) {
            var date = MrzDates.birthDate(text, today);
            if (date == null) {
                problem("birth date " + text + " is not a calendar date");
            }
            return date;
        }
        // Doc 9303 Part 3: a birth date (or part of one) that is unknown is written as fillers
        if (!text.chars().allMatch(c -> c == '<' || isDigit((char) c))) {
            problem("birth date " + text + " is not readable");
        }
        return null;
    }

    private @Nullable LocalDate expiryDate() {
        var text = layout.expiryDate().of(mrz);
        if (text.equals("<<<<<<")) {
            return null;
        }
        var date = MrzDates.expiryDate(text, today);
        if (date == null) {
            problem("expiry date " + text + (MrzDates.sixDigits(text) ? " is not a calendar date" : " is not readable"));
        }
        return date;
    }

    private @Nullable Sex sex() {
        char c = mrz[layout.sex()];
        return switch (c) {
            case 'M' -> Sex.M;
            case 'F' -> Sex.F;
            case '<', 'X' -> Sex.X;
            default -> {
                problem("sex '" + c + "' is not M, F or <");
                yield null;
            }
        };
    }

    /**
     * The check digit over {@code data} at {@code checkAt}. Letters in {@code digitsOnly} and at {@code checkAt} (where
     * only digits may stand) are read as the digits they are usually confused with, all of them or none: only if the
     * check digit then verifies and the field is {@code plausible} (a calendar date).
     *
     * @param fillerForEmpty a filler may stand for the check digit of an all-filler field (Doc 9303 Part 4: an unused
     *                       personal number; also unknown dates)
     */
    private CheckDigit check(String field, List<Span> data, int checkAt, Span digitsOnly, boolean fillerForEmpty,
                             Predicate<String> plausible) {
        var letters = new ArrayList<Integer>();
        for (int p = digitsOnly.start(); p < digitsOnly.end(); p++) {
            if (isLetter(mrz[p])) {
                letters.add(p);
            }
        }
        if (isLetter(mrz[checkAt])) {
            letters.add(checkAt);
        }
        if (!letters.isEmpty() && letters.stream().allMatch(p -> digitFor(mrz[p]) != 0)) {
            var candidate = mrz.clone();
            letters.forEach(p -> candidate[p] = digitFor(mrz[p]));
            if (verifies(candidate, data, checkAt, fillerForEmpty) && plausible.test(digitsOnly.of(candidate))) {
                letters.forEach(p -> correct(field, p, candidate[p], true));
            }
        }
        return new CheckDigit(mrz[checkAt], IcaoCheckDigit.of(joined(mrz, data)),
                verifies(mrz, data, checkAt, fillerForEmpty));
    }

    private static boolean verifies(char[] text, List<Span> data, int checkAt, boolean fillerForEmpty) {
        var joined = joined(text, data);
        if (text[checkAt] == '<') {
            return fillerForEmpty && joined.chars().allMatch(c -> c == '<');
        }
        return text[checkAt] == IcaoCheckDigit.of(joined);
    }

    private static String joined(char[] text, List<Span> spans) {
        var joined = new StringBuilder();
        spans.forEach(span -> joined.append(text, span.start(), span.length()));
        return joined.toString();
    }

    /** Digits in a letters-only field without a check digit: replaced when only one letter fits, unverified. */
    void correctDigitsInLetterField(String field, Span span) {
        for (int p = span.start(); p < span.end(); p++) {
            char letter = OcrConfusions.onlyLetterFor(mrz[p]);
            if (letter != 0) {
                correct(field, p, letter, false);
            }
        }
    }

    private void correct(String field, int position, char corrected, boolean verified) {
        int length = format.lineLength();
        corrections.add(new Correction(field, position / length + 1, position % length + 1, mrz[position], corrected,
                verified));
        mrz[position] = corrected;
    }

    String text(Span span) {
        return span.of(mrz);
    }

    void problem(String problem) {
        problems.add(problem);
    }

    private List<String> correctedLines() {
        var lines = new ArrayList<String>();
        for (int start = 0; start < mrz.length; start += format.lineLength()) {
            lines.add(new String(mrz, start, format.lineLength()));
        }
        return lines;
    }

    static String withoutTrailingFillers(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '<') {
            end--;
        }
        return text.substring(0, end);
    }
}
