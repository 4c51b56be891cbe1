package io.kycflow.verification.internal.document;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import io.kycflow.verification.internal.document.Mrz.Sex;
import org.jspecify.annotations.Nullable;

/**
 * Writes machine-readable zones as Doc 9303 lays them out, check digits computed, for tests and for rendering
 * synthetic documents: {@link #render} any {@link Document}, {@link #random} a valid one from a seeded
 * {@link Random}.
 */
public final class MrzGenerator {

    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ALPHANUMERIC = LETTERS + "0123456789";
    private static final List<String> COUNTRY_CODES = countryCodes();

    /**
     * The fields of an MRZ. Text fields without fillers; names with spaces between their parts.
     *
     * @param documentNumber up to 9 characters; TD1/TD2 numbers may be longer (continued in the optional data)
     * @param optionalData   TD3: the personal number
     * @param optionalData2  TD1 only, line 2; empty otherwise
     */
    public record Document(MrzFormat format, String documentCode, String issuingCountry, String documentNumber,
                           String surname, String givenNames, String nationality, @Nullable LocalDate birthDate,
                           Sex sex, @Nullable LocalDate expiryDate, String optionalData, String optionalData2) {
    }

    private MrzGenerator() {
    }

    public static List<String> render(Document d) {
        var code = pad(d.documentCode(), 2) + pad(d.issuingCountry(), 3);
        var dates = date(d.birthDate()) + dateCheck(d.birthDate()) + sex(d.sex()) + date(d.expiryDate())
                + dateCheck(d.expiryDate());
        return switch (d.format()) {
            case TD1 -> {
                var line1 = code + numberAndOptionalData(d.documentNumber(), d.optionalData(), 15);
                var line2 = dates + pad(d.nationality(), 3) + pad(d.optionalData2(), 11);
                line2 += check(line1.substring(5) + line2.substring(0, 7) + line2.substring(8, 15) + line2.substring(18));
                yield List.of(line1, line2, nameField(d.surname(), d.givenNames(), 30));
            }
            case TD2 -> {
                var numberAndOptional = numberAndOptionalData(d.documentNumber(), d.optionalData(), 7);
                var line2 = numberAndOptional.substring(0, 10) + pad(d.nationality(), 3) + dates
                        + numberAndOptional.substring(10);
                yield List.of(code + nameField(d.surname(), d.givenNames(), 31), withComposite(line2));
            }
            case TD3 -> {
                var personalNumber = pad(d.optionalData(), 14);
                var line2 = numberField(d.documentNumber()) + pad(d.nationality(), 3) + dates + personalNumber
                        + (d.optionalData().isEmpty() ? '<' : check(personalNumber));
                yield List.of(code + nameField(d.surname(), d.givenNames(), 39), withComposite(line2));
            }
            case MRVA, MRVB -> {
                int length = d.format().lineLength();
                yield List.of(code + nameField(d.surname(), d.givenNames(), length - 5),
                        numberField(d.documentNumber()) + pad(d.nationality(), 3) + dates
                                + pad(d.optionalData(), length - 28));
            }
        };
    }

    /** A valid document of {@code format} with fields spread over everything the format allows. */
    public static Document random(MrzFormat format, Random random, LocalDate today) {
        var code = switch (format) {
            case TD1 -> pick(random, "I", "ID", "IR", "AC", "A", "C", "CR");
            case TD2 -> pick(random, "I", "ID", "IR", "A", "C");
            case TD3 -> pick(random, "P", "PD", "PS", "PO", "PP");
            case MRVA, MRVB -> pick(random, "V", "VA", "VB", "VC");
        };
        int optionalLength = switch (format) {
            case TD1 -> 15;
            case TD2 -> 7;
            case TD3 -> 14;
            case MRVA -> 16;
            case MRVB -> 8;
        };
        var number = format.allowsLongDocumentNumber() && random.nextInt(4) == 0
                ? text(random, ALPHANUMERIC, 10 + random.nextInt(optionalLength - 1))
                : text(random, ALPHANUMERIC, 1 + random.nextInt(9));
        // a long number takes its continuation, check digit and a filler from the optional data
        int optionalRoom = number.length() <= 9 ? optionalLength : optionalLength - (number.length() - 9) - 2;
        var optional = optionalRoom <= 0 ? "" : optionalData(random, random.nextInt(optionalRoom + 1));
        var optional2 = format == MrzFormat.TD1 ? optionalData(random, random.nextInt(12)) : "";
        var names = names(random, format == MrzFormat.TD1 ? 30 : format.lineLength() - 5);
        long birthDays = ChronoUnit.DAYS.between(today.minusYears(100), today);
        var birth = random.nextInt(30) == 0 ? null : today.minusDays(random.nextLong(birthDays));
        var firstExpiry = LocalDate.of(today.getYear() - 50, 1, 1);
        long expiryDays = ChronoUnit.DAYS.between(firstExpiry, LocalDate.of(today.getYear() + 50, 1, 1));
        var expiry = random.nextInt(30) == 0 ? null : firstExpiry.plusDays(random.nextLong(expiryDays));
        return new Document(format, code, pick(random, COUNTRY_CODES), number, names[0], names[1],
                pick(random, COUNTRY_CODES), birth, pick(random, List.of(Sex.values())), expiry, optional, optional2);
    }

    /** {@code SURNAME<<GIVEN<NAMES}, filled with fillers or cut to {@code length}. */
    public static String nameField(String surname, String givenNames, int length) {
        var name = surname.replace(' ', '<') + (givenNames.isEmpty() ? "" : "<<" + givenNames.replace(' ', '<'));
        return name.length() >= length ? name.substring(0, length) : pad(name, length);
    }

    private static String numberField(String number) {
        return pad(number, 9) + check(pad(number, 9));
    }

    private static String numberAndOptionalData(String number, String optional, int optionalLength) {
        if (number.length() <= 9) {
            return numberField(number) + pad(optional, optionalLength);
        }
        var continued = number.substring(9) + check(number) + (optional.isEmpty() ? "" : "<" + optional);
        return number.substring(0, 9) + "<" + pad(continued, optionalLength);
    }

    private static String withComposite(String line2) {
        return line2 + check(line2.substring(0, 10) + line2.substring(13, 20) + line2.substring(21));
    }

    private static String date(@Nullable LocalDate date) {
        return date == null ? "<<<<<<"
                : String.format(Locale.ROOT, "%02d%02d%02d", date.getYear() % 100, date.getMonthValue(),
                date.getDayOfMonth());
    }

    private static char dateCheck(@Nullable LocalDate date) {
        return date == null ? '<' : check(date(date));
    }

    private static char sex(Sex sex) {
        return sex == Sex.X ? '<' : sex.name().charAt(0);
    }

    private static char check(String data) {
        return IcaoCheckDigit.of(data);
    }

    static String pad(String text, int length) {
        if (text.length() > length) {
            throw new IllegalArgumentException("'" + text + "' does not fit in " + length + " characters");
        }
        return text + "<".repeat(length - text.length());
    }

    /** Surname and given names, 1-3 parts each (given names may be none), that fit in {@code length}. */
    private static String[] names(Random random, int length) {
        var surname = parts(random, 1 + random.nextInt(3));
        var given = new ArrayList<>(parts(random, random.nextInt(4)));
        var joined = String.join(" ", surname);
        while (!given.isEmpty() && joined.length() + 2 + String.join(" ", given).length() > length) {
            given.removeLast();
        }
        if (joined.length() > length) {
            joined = joined.substring(0, length).strip();
        }
        return new String[] {joined, String.join(" ", given)};
    }

    private static List<String> parts(Random random, int count) {
        var parts = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            parts.add(text(random, LETTERS, 1 + random.nextInt(12)));
        }
        return parts;
    }

    /** Alphanumeric, now and then with a filler inside (never at either end). */
    private static String optionalData(Random random, int length) {
        var text = new StringBuilder(text(random, ALPHANUMERIC, length));
        if (length >= 3 && random.nextInt(4) == 0) {
            text.setCharAt(1 + random.nextInt(length - 2), '<');
        }
        return text.toString();
    }

    private static String text(Random random, String alphabet, int length) {
        var text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    private static <T> T pick(Random random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static List<String> countryCodes() {
        var codes = new ArrayList<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
        codes.addAll(List.of("D", "GBD", "GBN", "UNO", "XXA", "XXB", "XXC", "XXX", "EUE", "UTO"));
        codes.sort(null);
        return List.copyOf(codes);
    }
}
