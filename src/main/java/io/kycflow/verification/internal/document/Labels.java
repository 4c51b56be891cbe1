package io.kycflow.verification.internal.document;

import org.jspecify.annotations.Nullable;

/** Approximate matching of a field's label in a line of OCR text. */
final class Labels {

    private Labels() {
    }

    /**
     * Where {@code label} occurs in {@code text} (both lower case) with at most one edit per five characters or so (OCR
     * slips); a label of 4 characters or fewer ("имя", "аты") must stand as a whole word, exactly.
     *
     * @return {start, end} of the best occurrence, or null
     */
    static int @Nullable [] match(String text, String label) {
        if (label.length() <= 4) {
            for (int at = text.indexOf(label); at >= 0; at = text.indexOf(label, at + 1)) {
                int end = at + label.length();
                if ((at == 0 || !Character.isLetter(text.charAt(at - 1)))
                        && (end == text.length() || !Character.isLetter(text.charAt(end)))) {
                    return new int[] {at, end};
                }
            }
            return null;
        }
        int allowed = (label.length() + 2) / 5;
        int m = label.length();
        int n = text.length();
        // Sellers' algorithm: edit distance of the label against any substring ending at j; start[i] tracks where
        var cost = new int[m + 1];
        var start = new int[m + 1];
        for (int i = 0; i <= m; i++) {
            cost[i] = i;
        }
        int bestCost = Integer.MAX_VALUE;
        int[] best = null;
        for (int j = 1; j <= n; j++) {
            int diagonalCost = cost[0];
            int diagonalStart = start[0];
            cost[0] = 0;
            start[0] = j;
            for (int i = 1; i <= m; i++) {
                int upCost = cost[i];
                int upStart = start[i];
                int substitute = diagonalCost + (label.charAt(i - 1) == text.charAt(j - 1) ? 0 : 1);
                int delete = cost[i - 1] + 1;
                int insert = upCost + 1;
                if (substitute <= delete && substitute <= insert) {
                    cost[i] = substitute;
                    start[i] = diagonalStart;
                } else if (delete <= insert) {
                    cost[i] = delete;
                    start[i] = start[i - 1];
                } else {
                    cost[i] = insert;
                    start[i] = upStart;
                }
                diagonalCost = upCost;
                diagonalStart = upStart;
            }
            if (cost[m] <= allowed && cost[m] < bestCost) {
                bestCost = cost[m];
                best = new int[] {start[m], j};
            }
        }
        return best;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        var previous = new int[b.length() + 1];
        var current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                current[j] = Math.min(Math.min(current[j - 1], previous[j]) + 1,
                        previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
