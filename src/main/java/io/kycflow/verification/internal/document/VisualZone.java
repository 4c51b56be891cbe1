package io.kycflow.verification.internal.document;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * What the document's visual zone (the printed fields above the MRZ) says, beside the MRZ's reading of the same
 * fields.
 *
 * @param read whether any field was found in the visual zone
 */
public record VisualZone(boolean read, Field surname, Field givenNames, Field documentNumber, Field birthDate,
                         Field expiryDate) {

    /**
     * One field.
     *
     * @param value      the text read (a date as {@code YYYY-MM-DD}); null when the field was not found
     * @param matchesMrz whether it agrees with the MRZ (after transliteration and OCR-confusion tolerance); null when
     *                   nothing was read
     */
    public record Field(@Nullable String value, @Nullable Boolean matchesMrz) {

        static final Field NOT_READ = new Field(null, null);
    }

    static VisualZone of(Field surname, Field givenNames, Field documentNumber, Field birthDate, Field expiryDate) {
        boolean read = Stream.of(surname, givenNames, documentNumber, birthDate, expiryDate)
                .anyMatch(field -> field.value() != null);
        return new VisualZone(read, surname, givenNames, documentNumber, birthDate, expiryDate);
    }

    public List<Field> fields() {
        return List.of(surname, givenNames, documentNumber, birthDate, expiryDate);
    }

    /** Something was read and no field read disagrees with the MRZ. */
    public boolean consistent() {
        return read && fields().stream().noneMatch(field -> Boolean.FALSE.equals(field.matchesMrz()));
    }

    /** A field read disagrees with the MRZ: what {@code require_visual_zone_match} refuses. */
    public boolean mismatch() {
        return fields().stream().map(Field::matchesMrz).anyMatch(Objects::nonNull) && !consistent();
    }
}
