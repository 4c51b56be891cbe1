package io.kycflow.verification.internal.document;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The specimen MRZs of ICAO Doc 9303 (Utopia, {@code UTO}), and the clock the tests read them on. */
final class IcaoSpecimens {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    static final Clock CLOCK = clockOn(TODAY);

    /** Part 4, passport. */
    static final List<String> TD3 = List.of(
            "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
            "L898902C36UTO7408122F1204159ZE184226B<<<<<10");

    /** Part 6. */
    static final List<String> TD2 = List.of(
            "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
            "D231458907UTO7408122F1204159<<<<<<<6");

    /** Part 5. */
    static final List<String> TD1 = List.of(
            "I<UTOD231458907<<<<<<<<<<<<<<<",
            "7408122F1204159UTO<<<<<<<<<<<6",
            "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");

    /** Part 7, visa format A; nationality XXX (unspecified). */
    static final List<String> MRVA = List.of(
            "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
            "L8988901C4XXX4009078F96121096ZE184226B<<<<<<");

    /** Part 7, visa format B. */
    static final List<String> MRVB = List.of(
            "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
            "L8988901C4XXX4009078F9612109<<<<<<<<");

    private IcaoSpecimens() {
    }

    static Clock clockOn(LocalDate today) {
        return Clock.fixed(today.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    static MrzParser parser() {
        return new MrzParser(CLOCK);
    }

    /** {@code lines} with the character at 1-based {@code line}, {@code column} replaced. */
    static List<String> with(List<String> lines, int line, int column, char replacement) {
        var changed = new ArrayList<>(lines);
        var text = new StringBuilder(changed.get(line - 1));
        text.setCharAt(column - 1, replacement);
        changed.set(line - 1, text.toString());
        return changed;
    }
}
