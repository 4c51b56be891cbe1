package io.kycflow.verification.internal.document;

import java.time.DateTimeException;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Six-digit MRZ dates (YYMMDD) to calendar dates. The MRZ drops the century, so it is chosen relative to today:
 * <ul>
 *   <li>a birth date is the latest date with those digits that is not after today: a birth date is never in the
 *       future, and a person of 100 or more is read 100 years too young (no MRZ can tell them apart);</li>
 *   <li>an expiry date is the one with those digits from 50 years before today's year to 49 years after it
 *       (in 2026: 1976-2075). Real documents expire within a few decades either way, so the window is centred on
 *       today rather than tied to a fixed pivot year that would go stale.</li>
 * </ul>
 */
final class MrzDates {

    static final int EXPIRY_YEARS_BEFORE = 50;

    private MrzDates() {
    }

    /** The birth date, or null when the text is not six digits or not a calendar date in either candidate century. */
    static @Nullable LocalDate birthDate(String yymmdd, LocalDate today) {
        if (!sixDigits(yymmdd)) {
            return null;
        }
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        int century = today.getYear() - Math.floorMod(today.getYear(), 100);
        var thisCentury = date(century + yy, yymmdd);
        if (thisCentury != null && !thisCentury.isAfter(today)) {
            return thisCentury;
        }
        return date(century - 100 + yy, yymmdd);
    }

    /** The expiry date within the window around today, or null when the text is not a calendar date there. */
    static @Nullable LocalDate expiryDate(String yymmdd, LocalDate today) {
        if (!sixDigits(yymmdd)) {
            return null;
        }
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        int first = today.getYear() - EXPIRY_YEARS_BEFORE;
        return date(first + Math.floorMod(yy - first, 100), yymmdd);
    }

    private static @Nullable LocalDate date(int year, String yymmdd) {
        try {
            return LocalDate.of(year, Integer.parseInt(yymmdd.substring(2, 4)), Integer.parseInt(yymmdd.substring(4)));
        } catch (DateTimeException notADate) {
            return null;
        }
    }

    static boolean sixDigits(String text) {
        return text.length() == 6 && text.chars().allMatch(c -> OcrConfusions.isDigit((char) c));
    }
}
