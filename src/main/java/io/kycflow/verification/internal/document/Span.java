package io.kycflow.verification.internal.document;

/** A run of characters in the MRZ, its lines concatenated: {@code start} is an offset into all the text. */
record Span(int start, int length) {

    static final Span NONE = new Span(0, 0);

    int end() {
        return start + length;
    }

    boolean contains(int position) {
        return position >= start && position < end();
    }

    String of(char[] mrz) {
        return new String(mrz, start, length);
    }
}
