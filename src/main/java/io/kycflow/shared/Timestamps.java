package io.kycflow.shared;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Timestamps on the wire: RFC 3339 in UTC with microseconds, fixed width. ({@code OffsetDateTime.toString()}
 * drops the seconds on a whole minute, which is not a valid {@code date-time}.)
 */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX");

    private Timestamps() {
    }

    public static String format(OffsetDateTime time) {
        return FORMAT.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
