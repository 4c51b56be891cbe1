package io.kycflow.verification.internal.document;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalInt;

import io.kycflow.reference.Country;
import io.kycflow.reference.DocumentType;

/**
 * The checks document recognition applies to a read document. Dates are compared in the clock's time zone.
 */
public final class DocumentChecks {

    private DocumentChecks() {
    }

    /**
     * Whether the document expired before today: it is valid through its expiry date. A document whose MRZ has no
     * expiry date (fillers) has not expired; one whose expiry date is unreadable is not {@link Mrz#valid() valid}.
     */
    public static boolean expired(Mrz mrz, Clock clock) {
        var expiry = mrz.expiryDate();
        return expiry != null && expiry.isBefore(LocalDate.now(clock));
    }

    /** The holder's age in whole years on {@code date}; empty when the birth date is unknown or after that date. */
    public static OptionalInt ageOn(Mrz mrz, LocalDate date) {
        var birth = mrz.birthDate();
        if (birth == null || birth.isAfter(date)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Period.between(birth, date).getYears());
    }

    /**
     * Whether the holder is at least {@code minimumAge} today. Someone born on 29 February comes of age on
     * 1 March in common years. An unknown birth date proves no age, so it fails.
     */
    public static boolean meetsMinimumAge(Mrz mrz, int minimumAge, Clock clock) {
        var age = ageOn(mrz, LocalDate.now(clock));
        return age.isPresent() && age.getAsInt() >= minimumAge;
    }

    /** Whether the issuing country is in the allow-list (ids); an empty list allows every document. */
    public static boolean countryAllowed(Optional<Country> country, Collection<Integer> allowedIds) {
        return allowedIds.isEmpty() || country.map(c -> allowedIds.contains(c.id())).orElse(false);
    }

    /** Whether the document type is in the allow-list (ids); an empty list allows every document. */
    public static boolean documentTypeAllowed(Optional<DocumentType> type, Collection<Integer> allowedIds) {
        return allowedIds.isEmpty() || type.map(t -> allowedIds.contains(t.id())).orElse(false);
    }
}
