package io.kycflow.verification.internal.document;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The visual zone's fields from OCR lines, without Tesseract: labels in English, Russian and Kazakh, values on the
 * next line or the label's own, Cyrillic names against the MRZ's Latin, dates in their printed forms, OCR slips
 * tolerated and other values refused.
 */
class VisualZoneFieldsTests {

    static final MrzParser PARSER = new MrzParser(Clock.fixed(LocalDate.of(2026, 12, 1).atStartOfDay()
            .toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

    static Mrz russianPassport() {
        var document = new MrzGenerator.Document(MrzFormat.TD3, "P", "RUS", "751234567", "SHCHERBAKOVA", "IULIIA",
                "RUS", LocalDate.of(1988, 5, 2), Mrz.Sex.F, LocalDate.of(2031, 7, 9), "", "");
        return PARSER.parse(MrzGenerator.render(document));
    }

    @Test
    void cyrillicNamesAreTransliteratedAsIcaoDoes() {
        assertThat(Transliteration.toMrzLatin("Щербакова")).isEqualTo("SHCHERBAKOVA");
        assertThat(Transliteration.toMrzLatin("Юлия")).isEqualTo("IULIIA");
        assertThat(Transliteration.toMrzLatin("Қасымжомарт Әлібек")).isEqualTo("KASYMZHOMART ALIBEK");
        assertThat(Transliteration.toMrzLatin("Müller-Lüdenscheidt")).isEqualTo("MULLER LUDENSCHEIDT");
        assertThat(Transliteration.cyrillic("ИВАНОВ / IVANOV")).isTrue();
    }

    @Test
    void bilingualLabelsAndValuesAreReadAndAgree() {
        var zone = VisualZoneFields.extract(List.of("ПАСПОРТ PASSPORT", "Фамилия / Surname", "ЩЕРБАКОВА / SHCHERBAKOVA",
                "Имя / Given names", "ЮЛИЯ / IULIIA", "Дата рождения / Date of birth", "02 МАЯ/MAY 1988",
                "Дата окончания срока действия / Date of expiry", "09.07.2031", "Номер паспорта / Passport No.",
                "75 1234567"), russianPassport());
        assertThat(zone.read()).isTrue();
        assertThat(zone.surname()).as("the first of two halves that agree").isEqualTo(new VisualZone.Field("ЩЕРБАКОВА", true));
        assertThat(zone.givenNames().matchesMrz()).isTrue();
        assertThat(zone.birthDate()).isEqualTo(new VisualZone.Field("1988-05-02", true));
        assertThat(zone.expiryDate()).isEqualTo(new VisualZone.Field("2031-07-09", true));
        assertThat(zone.documentNumber().matchesMrz()).isTrue();
        assertThat(zone.consistent()).isTrue();
    }

    @Test
    void aCyrillicOnlySurnameIsComparedInTheMrzsLatin() {
        var zone = VisualZoneFields.extract(List.of("Тегі / Фамилия", "ЩЕРБАКОВА"), russianPassport());
        assertThat(zone.surname()).isEqualTo(new VisualZone.Field("ЩЕРБАКОВА", true));
    }

    @Test
    void anOcrSlipIsToleratedButAnotherNameOrDateIsAMismatch() {
        var slip = VisualZoneFields.extract(List.of("Surname", "SHCHERBAK0VA", "Date of birth", "O2.05.1988"),
                russianPassport());
        assertThat(slip.surname().matchesMrz()).isTrue();
        assertThat(slip.birthDate()).isEqualTo(new VisualZone.Field("1988-05-02", true));
        assertThat(slip.mismatch()).isFalse();

        var altered = VisualZoneFields.extract(List.of("Surname", "PETROVA", "Date of birth", "02.05.1983"),
                russianPassport());
        assertThat(altered.surname()).isEqualTo(new VisualZone.Field("PETROVA", false));
        assertThat(altered.birthDate()).isEqualTo(new VisualZone.Field("1983-05-02", false));
        assertThat(altered.consistent()).isFalse();
        assertThat(altered.mismatch()).isTrue();
    }

    @Test
    void withoutLabelsOnlyValuesLikeTheMrzsAreTakenAndNothingIsInvented() {
        var unlabelled = VisualZoneFields.extract(List.of("SHCHERBAKOVA", "IULIIA", "02.05.1988", "oo woes"),
                russianPassport());
        assertThat(unlabelled.surname()).isEqualTo(new VisualZone.Field("SHCHERBAKOVA", true));
        assertThat(unlabelled.birthDate()).isEqualTo(new VisualZone.Field("1988-05-02", true));
        assertThat(unlabelled.expiryDate()).isEqualTo(VisualZone.Field.NOT_READ);

        var nothing = VisualZoneFields.extract(List.of("oo", "a .02.20"), russianPassport());
        assertThat(nothing.read()).isFalse();
        assertThat(nothing.consistent()).isFalse();
        assertThat(nothing.mismatch()).isFalse();
    }

    @Test
    void aValueNotReadIsNotTakenFromTheNextField() {
        var zone = VisualZoneFieldsTests.extract(List.of("Given names", "Nationality", "RUS", "Sex", "F"));
        assertThat(zone.givenNames()).isEqualTo(VisualZone.Field.NOT_READ);
    }

    static VisualZone extract(List<String> lines) {
        return VisualZoneFields.extract(lines, russianPassport());
    }

    @Test
    void pagePatternReadAsLowerCaseIsNotAValue() {
        var zone = VisualZoneFields.extract(List.of("Surname: woes -", "SHCHERBAKOVA"), russianPassport());
        assertThat(zone.surname()).isEqualTo(new VisualZone.Field("SHCHERBAKOVA", true));
    }
}
