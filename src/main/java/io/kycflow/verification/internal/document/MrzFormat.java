package io.kycflow.verification.internal.document;

/**
 * The ICAO Doc 9303 machine-readable zone formats. The names are the reference data's {@code icao_format} values.
 */
public enum MrzFormat {
    /** ID-card size, 3 lines of 30 (Doc 9303 Part 5). */
    TD1(3, 30),
    /** 2 lines of 36 (Part 6). */
    TD2(2, 36),
    /** Passport size, 2 lines of 44 (Part 4). */
    TD3(2, 44),
    /** Visa, format A: 2 lines of 44, no composite check digit (Part 7). */
    MRVA(2, 44),
    /** Visa, format B: 2 lines of 36, no composite check digit (Part 7). */
    MRVB(2, 36);

    private final int lines;
    private final int lineLength;

    MrzFormat(int lines, int lineLength) {
        this.lines = lines;
        this.lineLength = lineLength;
    }

    public int lines() {
        return lines;
    }

    public int lineLength() {
        return lineLength;
    }

    /** Visas carry no composite check digit. */
    public boolean hasComposite() {
        return this != MRVA && this != MRVB;
    }

    /** TD1 and TD2 put the rest of a document number longer than 9 characters in the optional data. */
    public boolean allowsLongDocumentNumber() {
        return this == TD1 || this == TD2;
    }
}
