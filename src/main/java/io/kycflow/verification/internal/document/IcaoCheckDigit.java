package io.kycflow.verification.internal.document;

/**
 * The ICAO Doc 9303 check digit (Part 3, 4.9): characters valued {@code <}=0, 0-9, A=10 … Z=35, weighted 7, 3, 1
 * repeating, summed, modulo 10.
 */
public final class IcaoCheckDigit {

    private static final int[] WEIGHTS = {7, 3, 1};

    private IcaoCheckDigit() {
    }

    /** The check digit of {@code data}, as a character {@code '0'…'9'}. */
    public static char of(CharSequence data) {
        int sum = 0;
        for (int i = 0; i < data.length(); i++) {
            sum += value(data.charAt(i)) * WEIGHTS[i % 3];
        }
        return (char) ('0' + sum % 10);
    }

    /** The value of one MRZ character; anything outside {@code A-Z 0-9 <} is refused. */
    public static int value(char c) {
        if (c == '<') {
            return 0;
        }
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        throw new IllegalArgumentException("'" + c + "' is not an MRZ character");
    }
}
