package io.kycflow.shared;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Timestamps on the wire: RFC 3339 in UTC with microseconds, fixed width. ({@code OffsetDateTime.toString()}
 * drops the seconds on a whole minute, which is not a valid {@code date-time}.)
 * <p>
 * Written digit by digit: the light result formats four of them per request, and with {@link DateTimeFormatter}
 * that was half of building the light view in a CPU profile. Years outside 0000-9999 take the formatter.
 */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX");

    private Timestamps() {
    }

    public static String format(OffsetDateTime time) {
        var utc = time.withOffsetSameInstant(ZoneOffset.UTC);
        int year = utc.getYear();
        if (year < 0 || year > 9999) {
            return FORMAT.format(utc);
        }
        var text = new byte[27]; // uuuu-MM-ddTHH:mm:ss.SSSSSSZ
        digits(text, 0, year, 4);
        text[4] = '-';
        digits(text, 5, utc.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, utc.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, utc.getHour(), 2);
        text[13] = ':';
        digits(text, 14, utc.getMinute(), 2);
        text[16] = ':';
        digits(text, 17, utc.getSecond(), 2);
        text[19] = '.';
        digits(text, 20, utc.getNano() / 1000, 6);
        text[26] = 'Z';
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    private static void digits(byte[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
