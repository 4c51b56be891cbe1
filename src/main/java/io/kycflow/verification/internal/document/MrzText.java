package io.kycflow.verification.internal.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * From OCR text to the lines of an MRZ of a known format, or a refusal that says why. Whitespace around lines and
 * blank lines are dropped and lower case is read as upper case; nothing else is guessed: a foreign character or a
 * line of the wrong length is refused, since padding or cutting a line would shift every field after the error.
 */
final class MrzText {

    private MrzText() {
    }

    static List<String> normalize(List<String> lines) {
        var result = new ArrayList<String>();
        for (var line : lines) {
            var stripped = line.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            for (int i = 0; i < stripped.length(); i++) {
                char c = stripped.charAt(i);
                if (!isMrzCharacter(c)) {
                    throw new UnreadableMrzException("line " + (result.size() + 1) + ", column " + (i + 1) + ": "
                            + describe(c) + " is not an MRZ character (A-Z, 0-9, <)");
                }
            }
            result.add(stripped.toUpperCase(Locale.ROOT));
        }
        return result;
    }

    static MrzFormat format(List<String> lines) {
        if (lines.isEmpty()) {
            throw new UnreadableMrzException("no MRZ text");
        }
        if (lines.size() == 3) {
            for (int i = 0; i < 3; i++) {
                if (lines.get(i).length() != MrzFormat.TD1.lineLength()) {
                    throw new UnreadableMrzException("a 3-line MRZ (TD1) has lines of 30 characters; line " + (i + 1)
                            + " has " + lines.get(i).length());
                }
            }
            return MrzFormat.TD1;
        }
        if (lines.size() == 2) {
            int first = lines.get(0).length();
            int second = lines.get(1).length();
            boolean visa = lines.get(0).charAt(0) == 'V';
            if (first == second && first == 36) {
                return visa ? MrzFormat.MRVB : MrzFormat.TD2;
            }
            if (first == second && first == 44) {
                return visa ? MrzFormat.MRVA : MrzFormat.TD3;
            }
            throw new UnreadableMrzException("a 2-line MRZ has lines of 36 (TD2, MRV-B) or 44 (TD3, MRV-A) "
                    + "characters; these have " + first + " and " + second);
        }
        throw new UnreadableMrzException("an MRZ has 2 lines (TD2, TD3, visas) or 3 (TD1); this text has "
                + lines.size());
    }

    private static boolean isMrzCharacter(char c) {
        return c == '<' || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static String describe(char c) {
        if (c == ' ' || c == '\t') {
            return "whitespace";
        }
        return c > ' ' && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
