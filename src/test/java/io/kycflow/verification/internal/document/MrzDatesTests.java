package io.kycflow.verification.internal.document;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.kycflow.verification.internal.document.IcaoSpecimens.TD3;
import static org.assertj.core.api.Assertions.assertThat;

/** The century of a YYMMDD date, chosen relative to today. */
class MrzDatesTests {

    /** Birth dates: the latest date with those digits that is not after today. */
    @ParameterizedTest(name = "born {1} read on {0}: {2}")
    @CsvSource({
            "2026-03-15, 260315, 2026-03-15",
            "2026-03-15, 260316, 1926-03-16",
            "2026-03-15, 740812, 1974-08-12",
            "2026-03-15, 000101, 2000-01-01",
            "2026-03-15, 991231, 1999-12-31",
            "2026-03-15, 000229, 2000-02-29",
            "2000-01-01, 000101, 2000-01-01",
            "2000-01-01, 000102, 1900-01-02",
            "1999-12-31, 991231, 1999-12-31",
            "2099-12-31, 991231, 2099-12-31",
            "2100-01-01, 991231, 2099-12-31",
            "2100-01-01, 000101, 2100-01-01",
            // 2100 is no leap year, 2000 was
            "2100-06-01, 000229, 2000-02-29",
            // 2104 is a leap year but later than today
            "2100-06-01, 040229, 2004-02-29"})
    void birthDates(LocalDate today, String yymmdd, LocalDate expected) {
        assertThat(MrzDates.birthDate(yymmdd, today)).isEqualTo(expected);
    }

    @Test
    void aBirthDateIsNeverInTheFuture() {
        var today = LocalDate.of(2026, 3, 15);
        for (var date = LocalDate.of(1926, 3, 16); !date.isAfter(today); date = date.plusDays(1)) {
            var yymmdd = String.format("%02d%02d%02d", date.getYear() % 100, date.getMonthValue(), date.getDayOfMonth());
            assertThat(MrzDates.birthDate(yymmdd, today)).isEqualTo(date);
        }
    }

    /** Expiry dates: within 50 years before this year to 49 after. */
    @ParameterizedTest(name = "expiring {1} read on {0}: {2}")
    @CsvSource({
            "2026-03-15, 120415, 2012-04-15",
            "2026-03-15, 360101, 2036-01-01",
            "2026-03-15, 751231, 2075-12-31",
            "2026-03-15, 760101, 1976-01-01",
            "2026-03-15, 991231, 1999-12-31",
            "2026-03-15, 260314, 2026-03-14",
            "2099-06-01, 000101, 2100-01-01",
            "2099-06-01, 490101, 2049-01-01",
            "2099-06-01, 480101, 2148-01-01",
            "1990-01-01, 050101, 2005-01-01",
            "1990-01-01, 390101, 2039-01-01",
            "1990-01-01, 400101, 1940-01-01"})
    void expiryDates(LocalDate today, String yymmdd, LocalDate expected) {
        assertThat(MrzDates.expiryDate(yymmdd, today)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"741332", "740230", "740000", "741200", "7408I2", "74081", "7408123", "<<<<<<", "7408<<"})
    void notCalendarDates(String yymmdd) {
        var today = LocalDate.of(2026, 3, 15);
        assertThat(MrzDates.birthDate(yymmdd, today)).isNull();
        assertThat(MrzDates.expiryDate(yymmdd, today)).isNull();
    }

    @Test
    void birthDateOfTwentyNinthFebruaryNineteenHundredDoesNotExist() {
        // on 1 January 2000, 000229 is either in the future (2000) or never was (1900)
        assertThat(MrzDates.birthDate("000229", LocalDate.of(2000, 1, 1))).isNull();
    }

    @Test
    void theParserResolvesAgainstItsClock() {
        var lines = List.of(TD3.get(0), TD3.get(1));
        var early = new MrzParser(IcaoSpecimens.clockOn(LocalDate.of(1960, 1, 1))).parse(lines);
        // read in 1960, 740812 has not happened yet (so 1874) and 120415 falls in 1910-2009 (so 1912)
        assertThat(early.birthDate()).isEqualTo(LocalDate.of(1874, 8, 12));
        assertThat(early.expiryDate()).isEqualTo(LocalDate.of(1912, 4, 15));
        var late = new MrzParser(IcaoSpecimens.clockOn(LocalDate.of(2070, 1, 1))).parse(lines);
        assertThat(late.birthDate()).isEqualTo(LocalDate.of(1974, 8, 12));
        assertThat(late.expiryDate()).isEqualTo(LocalDate.of(2112, 4, 15));
    }

    @Test
    void unknownBirthDatesAndMissingExpiryDatesAreFillers() {
        var unknownBirth = IcaoSpecimens.parser().parse(List.of(TD3.get(0),
                MrzGenerator.pad("L898902C36UTO<<<<<<<F1204159ZE184226B<<<<<1", 43) + compositeFor(
                        "L898902C36" + "<<<<<<<" + "1204159ZE184226B<<<<<1")));
        assertThat(unknownBirth.birthDate()).isNull();
        assertThat(unknownBirth.checkDigits().birthDate().valid()).isTrue();
        assertThat(unknownBirth.valid()).isTrue();

        var partlyUnknown = IcaoSpecimens.parser().parse(List.of(TD3.get(0),
                "L898902C36UTO7408<<" + IcaoCheckDigit.of("7408<<") + "F1204159ZE184226B<<<<<1"
                        + compositeFor("L898902C36" + "7408<<" + IcaoCheckDigit.of("7408<<") + "1204159ZE184226B<<<<<1")));
        assertThat(partlyUnknown.birthDate()).isNull();
        assertThat(partlyUnknown.problems()).isEmpty();

        var noExpiry = IcaoSpecimens.parser().parse(List.of(TD3.get(0),
                "L898902C36UTO7408122F<<<<<<<ZE184226B<<<<<1"
                        + compositeFor("L898902C36" + "7408122" + "<<<<<<<ZE184226B<<<<<1")));
        assertThat(noExpiry.expiryDate()).isNull();
        assertThat(noExpiry.valid()).isTrue();
    }

    private static char compositeFor(String data) {
        return IcaoCheckDigit.of(data);
    }
}
