package io.kycflow.verification.internal.document;

import java.util.List;

/**
 * Where each field of a format sits, as offsets into the MRZ's concatenated lines (Doc 9303 Parts 4-7). Check digit
 * positions are -1 where the format has none.
 *
 * @param optionalData      TD1: the optional data of line 1; TD3: the personal number
 * @param optionalData2     TD1 only: the optional data of line 2
 * @param compositeData     the runs the composite check digit covers
 */
record MrzLayout(Span documentCode, Span issuingState, Span name, Span documentNumber, int documentNumberCheck,
                 Span nationality, Span birthDate, int birthDateCheck, int sex, Span expiryDate, int expiryDateCheck,
                 Span optionalData, int optionalDataCheck, Span optionalData2, int composite,
                 List<Span> compositeData) {

    static MrzLayout of(MrzFormat format) {
        return switch (format) {
            case TD1 -> new MrzLayout(new Span(0, 2), new Span(2, 3), new Span(60, 30), new Span(5, 9), 14,
                    new Span(45, 3), new Span(30, 6), 36, 37, new Span(38, 6), 44,
                    new Span(15, 15), -1, new Span(48, 11), 59,
                    List.of(new Span(5, 25), new Span(30, 7), new Span(38, 7), new Span(48, 11)));
            case TD2 -> twoLines(36, 7, false);
            case TD3 -> twoLines(44, 14, true);
            case MRVA -> twoLines(44, 16, false);
            case MRVB -> twoLines(36, 8, false);
        };
    }

    /**
     * The two-line formats share line 2 up to the optional data: document number and check digit, nationality,
     * birth date and check digit, sex, expiry date and check digit. TD2 and TD3 end with a composite check digit
     * (TD3 also checks its personal number); the visas end with their optional data.
     */
    private static MrzLayout twoLines(int length, int optionalLength, boolean optionalChecked) {
        int line2 = length;
        var optional = new Span(line2 + 28, optionalLength);
        boolean composite = 28 + optionalLength + (optionalChecked ? 1 : 0) < length;
        int compositeAt = composite ? length * 2 - 1 : -1;
        var compositeData = composite
                ? List.of(new Span(line2, 10), new Span(line2 + 13, 7), new Span(line2 + 21, compositeAt - line2 - 21))
                : List.<Span>of();
        return new MrzLayout(new Span(0, 2), new Span(2, 3), new Span(5, length - 5), new Span(line2, 9), line2 + 9,
                new Span(line2 + 10, 3), new Span(line2 + 13, 6), line2 + 19, line2 + 20, new Span(line2 + 21, 6),
                line2 + 27, optional, optionalChecked ? optional.end() : -1, Span.NONE, compositeAt, compositeData);
    }
}
