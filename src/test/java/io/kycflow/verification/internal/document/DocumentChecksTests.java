package io.kycflow.verification.internal.document;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.kycflow.reference.Country;
import io.kycflow.reference.DocumentType;
import io.kycflow.verification.internal.document.Mrz.Sex;
import io.kycflow.verification.internal.document.MrzGenerator.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static io.kycflow.verification.internal.document.IcaoSpecimens.clockOn;
import static org.assertj.core.api.Assertions.assertThat;

class DocumentChecksTests {

    private static final LocalDate EXPIRY = LocalDate.of(2030, 6, 30);

    @Test
    void validThroughTheExpiryDate() {
        var mrz = passport(LocalDate.of(1990, 1, 1), EXPIRY);
        assertThat(DocumentChecks.expired(mrz, clockOn(EXPIRY.minusDays(1)))).isFalse();
        assertThat(DocumentChecks.expired(mrz, clockOn(EXPIRY))).isFalse();
        assertThat(DocumentChecks.expired(mrz, clockOn(EXPIRY.plusDays(1)))).isTrue();
        assertThat(DocumentChecks.expired(passport(LocalDate.of(1990, 1, 1), null), clockOn(EXPIRY))).isFalse();
    }

    @Test
    void ageInWholeYears() {
        var mrz = passport(LocalDate.of(2008, 3, 15), EXPIRY);
        assertThat(DocumentChecks.ageOn(mrz, LocalDate.of(2026, 3, 14))).hasValue(17);
        assertThat(DocumentChecks.ageOn(mrz, LocalDate.of(2026, 3, 15))).hasValue(18);
        assertThat(DocumentChecks.meetsMinimumAge(mrz, 18, clockOn(LocalDate.of(2026, 3, 14)))).isFalse();
        assertThat(DocumentChecks.meetsMinimumAge(mrz, 18, clockOn(LocalDate.of(2026, 3, 15)))).isTrue();
        assertThat(DocumentChecks.meetsMinimumAge(mrz, 0, clockOn(LocalDate.of(2026, 3, 15)))).isTrue();
        assertThat(DocumentChecks.ageOn(mrz, LocalDate.of(2008, 3, 14))).isEmpty();
    }

    @Test
    void bornOnTwentyNinthFebruaryComesOfAgeOnFirstMarch() {
        var mrz = passport(LocalDate.of(2008, 2, 29), EXPIRY);
        assertThat(DocumentChecks.ageOn(mrz, LocalDate.of(2026, 2, 28))).hasValue(17);
        assertThat(DocumentChecks.ageOn(mrz, LocalDate.of(2026, 3, 1))).hasValue(18);
    }

    @Test
    void anUnknownBirthDateProvesNoAge() {
        var mrz = passport(null, EXPIRY);
        assertThat(DocumentChecks.ageOn(mrz, LocalDate.of(2026, 3, 15))).isEmpty();
        assertThat(DocumentChecks.meetsMinimumAge(mrz, 0, clockOn(LocalDate.of(2026, 3, 15)))).isFalse();
    }

    @Test
    void allowLists() {
        var kazakhstan = Optional.of(new Country(398, "KZ", "KAZ", "Kazakhstan"));
        assertThat(DocumentChecks.countryAllowed(kazakhstan, List.of())).isTrue();
        assertThat(DocumentChecks.countryAllowed(kazakhstan, Set.of(398, 276))).isTrue();
        assertThat(DocumentChecks.countryAllowed(kazakhstan, Set.of(276))).isFalse();
        assertThat(DocumentChecks.countryAllowed(Optional.empty(), Set.of(276))).isFalse();
        assertThat(DocumentChecks.countryAllowed(Optional.empty(), Set.of())).isTrue();
        var passport = Optional.of(new DocumentType(1, "PASSPORT", "Passport", "TD3", "P"));
        assertThat(DocumentChecks.documentTypeAllowed(passport, Set.of())).isTrue();
        assertThat(DocumentChecks.documentTypeAllowed(passport, Set.of(1))).isTrue();
        assertThat(DocumentChecks.documentTypeAllowed(passport, Set.of(4))).isFalse();
        assertThat(DocumentChecks.documentTypeAllowed(Optional.empty(), Set.of(4))).isFalse();
    }

    private static Mrz passport(@Nullable LocalDate birth, @Nullable LocalDate expiry) {
        var document = new Document(MrzFormat.TD3, "P", "KAZ", "N1234567", "ERIKSSON", "ANNA", "KAZ", birth, Sex.F,
                expiry, "", "");
        return new MrzParser(clockOn(LocalDate.of(2026, 3, 15))).parse(MrzGenerator.render(document));
    }
}
