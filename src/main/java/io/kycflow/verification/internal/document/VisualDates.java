package io.kycflow.verification.internal.document;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Dates as visual zones print them: {@code 14.03.1991}, {@code 14/03/1991}, {@code 14 03 1991}, {@code 14 MAR 1991},
 * bilingual {@code 14 МАР/MAR 1991}, two-digit years too. Letters OCR reads for digits inside a date are read back
 * as digits (O → 0, I/l → 1, S → 5, B → 8, Z → 2).
 */
final class VisualDates {

    private static final Pattern DATE = Pattern.compile(
            "(?<![0-9])([0-9]{1,2})[^0-9A-ZА-ЯЁ]{1,3}([0-9]{1,2}|[A-ZА-ЯЁ]{3,4}\\.?(?:\\s*/\\s*[A-ZА-ЯЁ]{3,4}\\.?)?)"
                    + "[^0-9A-ZА-ЯЁ]{1,3}([0-9]{4}|[0-9]{2})(?![0-9])");
    private static final Map<String, Integer> MONTHS = months();

    private VisualDates() {
    }

    /**
     * The calendar dates in the text, in order. {@code near} gives a two-digit year its century (the one that puts it
     * closest to the MRZ's date).
     */
    static List<LocalDate> find(String text, LocalDate near) {
        var dates = new ArrayList<LocalDate>();
        var matcher = DATE.matcher(digits(text.toUpperCase(Locale.ROOT)));
        while (matcher.find()) {
            Integer month = month(matcher.group(2));
            if (month == null) {
                continue;
            }
            int year = Integer.parseInt(matcher.group(3));
            if (matcher.group(3).length() == 2) {
                int century = near.getYear() / 100 * 100;
                year = java.util.stream.IntStream.of(century - 100 + year, century + year, century + 100 + year)
                        .boxed().min(java.util.Comparator.comparingInt(y -> Math.abs(y - near.getYear()))).orElseThrow();
            }
            try {
                dates.add(LocalDate.of(year, month, Integer.parseInt(matcher.group(1))));
            } catch (DateTimeException e) {
                // not a calendar date: not a date
            }
        }
        return dates;
    }

    private static Integer month(String text) {
        if (Character.isDigit(text.charAt(0))) {
            return Integer.parseInt(text);
        }
        for (var half : text.split("/")) {
            var name = half.strip().replace(".", "");
            var month = MONTHS.get(name.substring(0, Math.min(3, name.length())));
            if (month != null) {
                return month;
            }
        }
        return null;
    }

    /** Within runs that hold a digit, letters that look like digits become those digits. */
    private static String digits(String text) {
        var out = new StringBuilder(text);
        var run = Pattern.compile("[0-9OQILSBZ|]*[0-9][0-9OQILSBZ|]*").matcher(text);
        while (run.find()) {
            for (int i = run.start(); i < run.end(); i++) {
                out.setCharAt(i, switch (text.charAt(i)) {
                    case 'O', 'Q' -> '0';
                    case 'I', 'L', '|' -> '1';
                    case 'S' -> '5';
                    case 'B' -> '8';
                    case 'Z' -> '2';
                    default -> text.charAt(i);
                });
            }
        }
        return out.toString();
    }

    private static Map<String, Integer> months() {
        var months = new java.util.HashMap<String, Integer>();
        var english = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
        var russian = List.of("ЯНВ", "ФЕВ", "МАР", "АПР", "МАЙ", "ИЮН", "ИЮЛ", "АВГ", "СЕН", "ОКТ", "НОЯ", "ДЕК");
        for (int i = 0; i < 12; i++) {
            months.put(english.get(i), i + 1);
            months.put(russian.get(i), i + 1);
        }
        months.put("МАЯ", 5);
        return Map.copyOf(months);
    }
}
