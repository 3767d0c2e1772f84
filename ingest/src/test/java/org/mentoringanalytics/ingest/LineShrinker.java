package org.mentoringanalytics.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Shrinks a failing landing file to a smallest one that still fails: the header is kept, then
 * data lines are dropped one at a time while the failure holds, then the characters of each
 * remaining line are cut from the end while it holds. One-minimal, not globally minimal: no single
 * line or trailing character left can go.
 */
final class LineShrinker {

    private LineShrinker() {
    }

    /** @param fails true when the file (its lines joined by LF) still shows the failure */
    static List<String> shrink(List<String> lines, Predicate<List<String>> fails) {
        List<String> current = new ArrayList<>(lines);
        boolean smaller = true;
        while (smaller) {
            smaller = false;
            for (int i = current.size() - 1; i >= 1; i--) {
                List<String> candidate = new ArrayList<>(current);
                candidate.remove(i);
                if (fails.test(candidate)) {
                    current = candidate;
                    smaller = true;
                }
            }
        }
        for (int i = 1; i < current.size(); i++) {
            String line = current.get(i);
            for (int length = line.length() - 1; length >= 0; length--) {
                List<String> candidate = new ArrayList<>(current);
                candidate.set(i, line.substring(0, length));
                if (!fails.test(candidate)) {
                    break;
                }
                current = candidate;
            }
        }
        return current;
    }
}
