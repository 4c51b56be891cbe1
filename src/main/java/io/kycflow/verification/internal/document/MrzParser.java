package io.kycflow.verification.internal.document;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads an ICAO Doc 9303 machine-readable zone — TD1, TD2, TD3 and the MRV-A/MRV-B visas — from its lines as an OCR
 * gives them.
 * <p>
 * Text that is no MRZ of any format (line count, line lengths, characters outside {@code A-Z 0-9 <}) is refused with
 * {@link UnreadableMrzException}, whose message says why; surrounding whitespace, blank lines and lower case are
 * tolerated. Anything else is read, and what is wrong with it is reported in the {@link Mrz} (check digits, problems).
 * <p>
 * <b>OCR corrections.</b> An OCR confuses O/0, I/1, L/1, S/5, B/8, Z/2, G/6. A character is only replaced where the
 * field's type rules it out:
 * <ul>
 *   <li>letters in digits-only fields (dates, check digits) become their digits, all of a field's at once, and only
 *       if the field's check digit then verifies (and a date is a calendar date); otherwise the field stays as read
 *       and fails its check;</li>
 *   <li>digits in country codes become letters only when exactly one reading is a known code (1 may be I or L);</li>
 *   <li>digits in names and the document code, which no check digit covers, become the one letter they can be
 *       (not 1), reported as unverified corrections;</li>
 *   <li>alphanumeric fields (document number, optional data) are never changed: both readings are legal there, and a
 *       swap that happens to satisfy a mod-10 check digit would be right only by chance.</li>
 * </ul>
 * Every correction is listed in {@link Mrz#corrections()}.
 * <p>
 * Dates get their century relative to the clock's today (see {@link MrzDates}): birth dates never in the future,
 * expiry dates from 50 years before this year to 49 after.
 */
public final class MrzParser {

    private final Clock clock;
    private final Predicate<String> knownCountryCode;

    public MrzParser(Clock clock) {
        this(clock, IcaoCodes::isKnown);
    }

    /** @param knownCountryCode the codes (fillers stripped) a digit-confused country code may be corrected to */
    public MrzParser(Clock clock, Predicate<String> knownCountryCode) {
        this.clock = clock;
        this.knownCountryCode = knownCountryCode;
    }

    /** Parses MRZ text, lines separated by line breaks. */
    public Mrz parse(String text) {
        return parse(text.lines().toList());
    }

    public Mrz parse(List<String> lines) {
        var normalized = MrzText.normalize(lines);
        var format = MrzText.format(normalized);
        return new MrzReading(format, normalized, LocalDate.now(clock), knownCountryCode).read();
    }
}
