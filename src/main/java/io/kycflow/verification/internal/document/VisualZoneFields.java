package io.kycflow.verification.internal.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import io.kycflow.verification.internal.document.VisualZone.Field;
import org.jspecify.annotations.Nullable;

/**
 * Finds the visual zone's fields in the lines Tesseract read and compares each with the MRZ. Label-guided first: a
 * field's label ("Surname", "Фамилия", "Тегі" …, matched allowing an OCR slip) and its value on the rest of that line
 * or the next line that is not itself a label. Where no label is found, MRZ-guided: the text that best resembles the
 * MRZ's value (a name or number within an edit or two, a date equal to the MRZ's), which can confirm the MRZ but never
 * contradict it. Names are compared in the MRZ's Latin ({@link Transliteration}), tolerant of OCR's usual confusions.
 */
final class VisualZoneFields {

    private enum Kind { NAME, NUMBER, DATE }

    private record Spec(Kind kind, List<String> labels) {
    }

    private static final Spec SURNAME = new Spec(Kind.NAME, List.of("surname", "фамилия", "тегі"));
    private static final Spec GIVEN_NAMES = new Spec(Kind.NAME, List.of("given names", "given name", "имя", "аты"));
    private static final Spec NUMBER = new Spec(Kind.NUMBER, List.of("document no", "passport no", "document number",
            "номер документа", "номер паспорта", "құжат нөмірі", "паспорт нөмірі"));
    private static final Spec BIRTH = new Spec(Kind.DATE, List.of("date of birth", "дата рождения", "туған күні"));
    private static final Spec EXPIRY = new Spec(Kind.DATE, List.of("date of expiry", "valid until", "действителен до",
            "срок действия", "жарамдылық мерзімі", "қолданылу мерзімі"));
    private static final List<Spec> ALL = List.of(SURNAME, GIVEN_NAMES, NUMBER, BIRTH, EXPIRY);
    /** Labels of fields not compared: where one begins, the value looked for has ended. */
    private static final List<String> OTHER_LABELS = List.of("nationality", "гражданство", "азаматтығы", "sex", "пол",
            "жынысы", "place of birth", "место рождения", "туған жері", "date of issue", "дата выдачи", "берілген күні",
            "authority", "орган выдачи", "patronymic", "отчество", "әкесінің аты");

    private VisualZoneFields() {
    }

    static VisualZone extract(List<String> lines, Mrz mrz) {
        return VisualZone.of(
                field(lines, SURNAME, mrz.surname(), mrz.namesTruncated()),
                field(lines, GIVEN_NAMES, mrz.givenNames(), mrz.namesTruncated()),
                field(lines, NUMBER, mrz.documentNumber(), false),
                date(lines, BIRTH, mrz.birthDate()),
                date(lines, EXPIRY, mrz.expiryDate()));
    }

    private static Field field(List<String> lines, Spec spec, String expected, boolean truncated) {
        if (expected.isBlank()) {
            return Field.NOT_READ;
        }
        Function<String, @Nullable String> value = candidate -> best(candidate, expected, spec.kind());
        var labelled = labelled(lines, spec, value).stream().max(java.util.Comparator.comparingDouble(
                candidate -> similarity(key(candidate, spec.kind()), key(expected, spec.kind()))));
        if (labelled.isPresent()) {
            return new Field(labelled.get(), agrees(labelled.get(), expected, spec.kind(), truncated));
        }
        String found = null;
        double similarity = 0;
        for (var line : lines) { // MRZ-guided: the best look-alike anywhere, when close enough to be this field
            var candidate = best(line, expected, spec.kind());
            if (candidate != null && similarity(key(candidate, spec.kind()), key(expected, spec.kind())) > similarity) {
                found = candidate;
                similarity = similarity(key(candidate, spec.kind()), key(expected, spec.kind()));
            }
        }
        return found != null && similarity >= 0.8 ? new Field(found, agrees(found, expected, spec.kind(), truncated))
                : Field.NOT_READ;
    }

    private static Field date(List<String> lines, Spec spec, @Nullable LocalDate expected) {
        if (expected == null) {
            return Field.NOT_READ;
        }
        Function<String, @Nullable String> value = candidate -> {
            var dates = VisualDates.find(candidate, expected);
            return dates.isEmpty() ? null : dates.getFirst().toString();
        };
        var labelled = labelled(lines, spec, value);
        if (!labelled.isEmpty()) {
            var read = labelled.contains(expected.toString()) ? expected.toString() : labelled.getFirst();
            return new Field(read, read.equals(expected.toString()));
        }
        // no label: a date can only be told to be this field by being equal to the MRZ's
        boolean present = lines.stream().anyMatch(line -> VisualDates.find(line, expected).contains(expected));
        return present ? new Field(expected.toString(), true) : Field.NOT_READ;
    }

    /**
     * The values that may follow the field's first label: the rest of its line and the next two lines, up to the next
     * field's label. The caller takes the one closest to the MRZ's: OCR'd specks of the page pattern beside a label
     * ("RO") then lose to the value below it, and a tampered value, being the only value there, is still found.
     */
    private static List<String> labelled(List<String> lines, Spec spec, Function<String, @Nullable String> value) {
        var values = new ArrayList<String>();
        for (int i = 0; i < lines.size(); i++) {
            var normal = normal(lines.get(i));
            if (spec.labels().stream().noneMatch(label -> Labels.match(normal, label) != null)) {
                continue;
            }
            var rest = withoutLabels(lines.get(i));
            if (!rest.isBlank()) {
                var read = value.apply(rest);
                if (read != null) {
                    values.add(read);
                }
            }
            for (int j = i + 1; j < lines.size() && j <= i + 2; j++) {
                var next = lines.get(j);
                var labelsOnIt = ALL.stream().filter(other -> other.labels().stream()
                        .anyMatch(label -> Labels.match(normal(next), label) != null)).toList();
                if (labelsOnIt.stream().anyMatch(other -> other != spec)
                        || OTHER_LABELS.stream().anyMatch(label -> Labels.match(normal(next), label) != null)) {
                    break; // the next field begins: this one's value was not read
                }
                var read = value.apply(withoutLabels(next));
                if (read != null) {
                    values.add(read);
                }
            }
            return values;
        }
        return values;
    }

    private static String withoutLabels(String line) {
        var normal = normal(line);
        var keep = new boolean[normal.length()];
        java.util.Arrays.fill(keep, true);
        for (var spec : ALL) {
            for (var label : spec.labels()) {
                var match = Labels.match(normal, label);
                if (match != null) {
                    java.util.Arrays.fill(keep, match[0], match[1], false);
                }
            }
        }
        var out = new StringBuilder();
        for (int k = 0; k < normal.length(); k++) {
            out.append(keep[k] ? line.charAt(k) : ' ');
        }
        return out.toString().replaceAll("[:;|]", " ").strip();
    }

    /** Lower case, same length as the line (so label positions index the line too). */
    static String normal(String line) {
        return line.toLowerCase(Locale.ROOT);
    }

    /**
     * In a candidate text, the part that best resembles the expected value: a bilingual value ("ИВАНОВ / IVANOV")
     * gives its closer half; a number, its closest run of tokens. Null when nothing is of the field's kind.
     */
    private static @Nullable String best(String candidate, String expected, Kind kind) {
        var parts = new ArrayList<String>();
        for (var half : candidate.split("/")) {
            var tokens = java.util.Arrays.stream(half.strip().split("\\s+")).map(VisualZoneFields::printed)
                    .filter(token -> !token.isEmpty() && (kind != Kind.NAME || mostlyLetters(token)))
                    .toArray(String[]::new);
            for (int from = 0; from < tokens.length; from++) {
                var window = new StringBuilder();
                for (int to = from; to < tokens.length && to < from + 4; to++) {
                    window.append(to > from ? " " : "").append(tokens[to]);
                    parts.add(window.toString());
                }
            }
        }
        String best = null;
        double score = -1;
        for (var part : parts) {
            var key = key(part, kind);
            boolean plausible = kind == Kind.NUMBER ? key.length() >= 5 && key.chars().anyMatch(Character::isDigit)
                    || key.length() >= 5 && similarity(key, key(expected, kind)) >= 0.6 : !key.isEmpty();
            if (!plausible) {
                continue;
            }
            double s = similarity(key, key(expected, kind));
            if (s > score) {
                best = part.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
                score = s;
            }
        }
        return best;
    }

    private static boolean agrees(String read, String expected, Kind kind, boolean truncated) {
        var a = confusable(key(read, kind));
        var b = confusable(key(expected, kind));
        if (truncated && a.length() > b.length()) {
            a = a.substring(0, b.length());
        }
        // a slip per 8 characters is OCR, and one in any number of 6 or more (numbers are random strings to OCR);
        // another name differs by more
        int allowed = kind == Kind.NUMBER && b.length() >= 6 ? Math.max(1, b.length() / 8) : b.length() / 8;
        if (Labels.distance(a, b) <= allowed) {
            return true;
        }
        // a line that ran out of room (or whose last word was lost) prints the MRZ's first words
        var printedWords = Transliteration.toMrzLatin(read).split(" ");
        var mrzWords = Transliteration.toMrzLatin(expected).split(" ");
        if (kind != Kind.NAME || printedWords.length >= mrzWords.length) {
            return false;
        }
        var first = confusable(String.join("", java.util.Arrays.copyOf(mrzWords, printedWords.length)));
        return a.length() >= 3 && Labels.distance(a, first) <= first.length() / 8;
    }

    /**
     * A token as visual zones print values: capitals and digits. A token mostly in lower case is the page's pattern
     * read as text ("oo", "woes") and is dropped; a stray lower-case letter or mark in a capital one is cut off.
     */
    static String printed(String token) {
        long capitals = token.chars().filter(c -> Character.isUpperCase(c) || Character.isDigit(c)).count();
        long letters = token.chars().filter(Character::isLetterOrDigit).count();
        if (letters == 0 || capitals < 0.7 * letters) {
            return "";
        }
        return token.replaceAll("[^\\p{Lu}\\p{N}'-]", "");
    }

    /** A name's token: an OCR'd 0 for O may stand in it, but a token of digits is no name. */
    private static boolean mostlyLetters(String token) {
        return token.chars().filter(Character::isLetter).count() > token.chars().filter(Character::isDigit).count();
    }

    /** What is compared: Latin letters and digits only, no spaces (the MRZ's fillers stand for spaces and hyphens). */
    private static String key(String text, Kind kind) {
        return Transliteration.toMrzLatin(text).replace(" ", "");
    }

    /** Characters OCR confuses, each group folded to one: 0/O/Q, 1/I, 5/S/8/B, 2/Z, 6/G. */
    static String confusable(String key) {
        var out = new StringBuilder(key.length());
        for (char c : key.toCharArray()) {
            out.append(switch (c) {
                case '0', 'Q' -> 'O';
                case '1' -> 'I';
                case '5', '8', 'B' -> 'S';
                case '2' -> 'Z';
                case '6' -> 'G';
                default -> c;
            });
        }
        return out.toString();
    }

    private static double similarity(String a, String b) {
        var x = confusable(a);
        var y = confusable(b);
        int longest = Math.max(x.length(), y.length());
        return longest == 0 ? 0 : 1 - Labels.distance(x, y) / (double) longest;
    }
}
