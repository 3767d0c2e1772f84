package org.mentoringanalytics.ingest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A row's values over its header behave as the ordered map of the same names and values. */
class FieldValuesTest {

    private static final List<String> NAMES = List.of("session_id", "match_id", "started_at", "notes");

    @Test
    void readsLikeTheOrderedMapOfTheSameNamesAndValues() {
        String[] values = {"s-1", "m-7", "2024-01-31T09:30:00+01:00", ""};
        Map<String, String> row = new FieldValues(new FieldValues.Header(NAMES), values);
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < NAMES.size(); i++) {
            expected.put(NAMES.get(i), values[i]);
        }
        assertEquals(expected, row);
        assertEquals(expected.hashCode(), row.hashCode());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(row.keySet()));
        assertEquals(new ArrayList<>(expected.values()), new ArrayList<>(row.values()));
        assertEquals("m-7", row.get("match_id"));
        assertEquals("", row.get("notes"));
        assertNull(row.get("logged_by"));
        assertEquals("absent", row.getOrDefault("logged_by", "absent"));
        assertEquals("s-1", row.getOrDefault("session_id", "absent"));
        assertTrue(row.containsKey("started_at"));
        assertFalse(row.containsKey("Started_At"));
        assertEquals(4, row.size());
    }

    @Test
    void holdsExactlyOneValuePerNameOfADistinctHeader() {
        FieldValues.Header header = new FieldValues.Header(NAMES);
        assertThrows(IllegalArgumentException.class, () -> new FieldValues(header, new String[]{"s-1", "m-7", "x"}));
        assertThrows(IllegalArgumentException.class, () -> new FieldValues.Header(List.of("a", "b", "a")));
        assertThrows(UnsupportedOperationException.class, () -> new FieldValues(header, new String[4]).put("a", "b"));
    }
}
