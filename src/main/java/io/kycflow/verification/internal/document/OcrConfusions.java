package io.kycflow.verification.internal.document;

import java.util.List;
import java.util.Map;

/**
 * The characters an OCR most often swaps in the MRZ's OCR-B font. They are only ever replaced where the field's type
 * says the character read cannot be right: a letter where only a digit may stand, a digit where only a letter may.
 * Alphanumeric fields (document number, optional data) are never touched, since there {@code 0} and {@code O} are
 * both legal and only chance would make a swapped reading satisfy the mod-10 check digit.
 */
final class OcrConfusions {

    private static final Map<Character, Character> DIGIT_FOR_LETTER = Map.of(
            'O', '0', 'I', '1', 'L', '1', 'S', '5', 'B', '8', 'Z', '2', 'G', '6');

    private static final Map<Character, List<Character>> LETTERS_FOR_DIGIT = Map.of(
            '0', List.of('O'), '1', List.of('I', 'L'), '5', List.of('S'), '8', List.of('B'), '2', List.of('Z'),
            '6', List.of('G'));

    private OcrConfusions() {
    }

    /** The digit a letter read in a digits-only field stands for, or 0 when it is no usual confusion. */
    static char digitFor(char letter) {
        return DIGIT_FOR_LETTER.getOrDefault(letter, (char) 0);
    }

    /** The letters a digit read in a letters-only field may stand for (1 is I or L), empty when none. */
    static List<Character> lettersFor(char digit) {
        return LETTERS_FOR_DIGIT.getOrDefault(digit, List.of());
    }

    /** The one letter a digit stands for, or 0 when there is none or more than one (1: I or L). */
    static char onlyLetterFor(char digit) {
        var letters = lettersFor(digit);
        return letters.size() == 1 ? letters.getFirst() : 0;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
