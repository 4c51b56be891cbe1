package io.kycflow.verification.internal.document;

/**
 * The name field (Doc 9303 Part 3, 4.6): primary identifier (surname), {@code <<}, secondary identifier (given
 * names); {@code <} separates the parts of each. Digits cannot stand in a name, so the confused ones that can only be
 * one letter (0 O, 2 Z, 5 S, 6 G, 8 B) are corrected, unverified, since no check digit covers names; 1 (I or L) and
 * other digits stay, reported as a problem.
 */
final class MrzNames {

    record Names(String surname, String givenNames, boolean truncated) {
    }

    private MrzNames() {
    }

    static Names read(MrzReading reading, Span span) {
        reading.correctDigitsInLetterField("name", span);
        var field = reading.text(span);
        var text = MrzReading.withoutTrailingFillers(field);
        if (text.isEmpty()) {
            reading.problem("the name is empty");
        } else if (!text.chars().allMatch(c -> c == '<' || OcrConfusions.isLetter((char) c))) {
            reading.problem("name " + text + " has characters other than letters");
        }
        int separator = text.indexOf("<<");
        var primary = separator < 0 ? text : text.substring(0, separator);
        var secondary = separator < 0 ? "" : text.substring(separator + 2);
        return new Names(spaced(primary), spaced(secondary), field.charAt(field.length() - 1) != '<');
    }

    private static String spaced(String identifier) {
        return identifier.replaceAll("<+", " ").strip();
    }
}
