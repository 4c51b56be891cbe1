package io.kycflow.verification.internal.document;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * A visual-zone name as the MRZ writes it: upper case, Latin A–Z only. Cyrillic follows ICAO Doc 9303 Part 3's
 * transliteration table (Ж → ZH, Х → KH, Ц → TS, Щ → SHCH, Ъ → IE, Ю → IU, Я → IA, Ь dropped; Russia has used it in
 * its passports since 2014); Kazakh letters the table lacks take Kazakhstan's practice (Ә → A, Қ → K, Ң → N, Ө → O,
 * Ұ/Ү → U, Ғ → G, Һ → H, І → I). Latin letters with diacritics lose them (Part 3's fallback: Ä → A; the alternative
 * AE is not tried).
 */
final class Transliteration {

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('А', "A"), Map.entry('Б', "B"), Map.entry('В', "V"), Map.entry('Г', "G"), Map.entry('Д', "D"),
            Map.entry('Е', "E"), Map.entry('Ё', "E"), Map.entry('Ж', "ZH"), Map.entry('З', "Z"), Map.entry('И', "I"),
            Map.entry('Й', "I"), Map.entry('К', "K"), Map.entry('Л', "L"), Map.entry('М', "M"), Map.entry('Н', "N"),
            Map.entry('О', "O"), Map.entry('П', "P"), Map.entry('Р', "R"), Map.entry('С', "S"), Map.entry('Т', "T"),
            Map.entry('У', "U"), Map.entry('Ф', "F"), Map.entry('Х', "KH"), Map.entry('Ц', "TS"), Map.entry('Ч', "CH"),
            Map.entry('Ш', "SH"), Map.entry('Щ', "SHCH"), Map.entry('Ъ', "IE"), Map.entry('Ы', "Y"), Map.entry('Ь', ""),
            Map.entry('Э', "E"), Map.entry('Ю', "IU"), Map.entry('Я', "IA"),
            // the rest of Part 3's table (Ukrainian, Belarusian, Serbian, Macedonian)
            Map.entry('Ґ', "G"), Map.entry('Є', "IE"), Map.entry('Ї', "I"), Map.entry('І', "I"), Map.entry('Ў', "U"),
            Map.entry('Ђ', "D"), Map.entry('Ѓ', "G"), Map.entry('Ѕ', "DZ"), Map.entry('Ј', "J"), Map.entry('Љ', "LJ"),
            Map.entry('Њ', "NJ"), Map.entry('Ќ', "K"), Map.entry('Ћ', "C"), Map.entry('Џ', "DZ"),
            // Kazakh
            Map.entry('Ә', "A"), Map.entry('Ғ', "G"), Map.entry('Қ', "K"), Map.entry('Ң', "N"), Map.entry('Ө', "O"),
            Map.entry('Ұ', "U"), Map.entry('Ү', "U"), Map.entry('Һ', "H"));

    private Transliteration() {
    }

    /** Upper case, Cyrillic transliterated, diacritics dropped; anything else but A–Z, digits and spaces removed. */
    static String toMrzLatin(String text) {
        var upper = text.toUpperCase(Locale.ROOT);
        var out = new StringBuilder(upper.length());
        for (char c : upper.toCharArray()) {
            var latin = CYRILLIC.get(c);
            out.append(latin != null ? latin : String.valueOf(c));
        }
        var plain = Normalizer.normalize(out, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        plain = plain.replace("ß", "SS").replace("Æ", "AE").replace("Ø", "O").replace("Œ", "OE").replace("Ł", "L");
        return plain.replaceAll("[^A-Z0-9 ]", " ").replaceAll(" +", " ").strip();
    }

    /** Whether the text has a Cyrillic letter. */
    static boolean cyrillic(String text) {
        return text.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC);
    }
}
