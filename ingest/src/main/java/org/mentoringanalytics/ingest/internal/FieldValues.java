package org.mentoringanalytics.ingest.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A CSV row's values by header name, in header order, read only. The header's positions are found
 * once per file ({@link Header}) and shared by its rows, so a row is its array of values: a map of
 * its own per row was a tenth of the reader's time on ten million sessions. Holds a row with one
 * value per header name; the header's names are distinct (the landing format refuses duplicates).
 */
final class FieldValues extends AbstractMap<String, String> {

    /** A file's header: its names in order and the position of each. */
    static final class Header {
        private final String[] names;
        private final Map<String, Integer> positions;

        Header(List<String> names) {
            // Interned: the converter asks by the source's field names, literals, so the look-up matches by identity.
            this.names = names.stream().map(String::intern).toArray(String[]::new);
            Map<String, Integer> byName = new java.util.HashMap<>(names.size() * 2);
            for (int i = 0; i < this.names.length; i++) {
                if (byName.putIfAbsent(this.names[i], i) != null) {
                    throw new IllegalArgumentException("the header names " + this.names[i] + " twice");
                }
            }
            this.positions = byName;
        }
    }

    private final Header header;
    private final String[] values;

    /** @param values one per header name, in header order */
    FieldValues(Header header, String[] values) {
        if (values.length != header.names.length) {
            throw new IllegalArgumentException(values.length + " values for " + header.names.length + " header names");
        }
        this.header = header;
        this.values = values;
    }

    @Override
    public String get(Object name) {
        Integer position = header.positions.get(name);
        return position == null ? null : values[position];
    }

    @Override
    public boolean containsKey(Object name) {
        return header.positions.containsKey(name);
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(header.names[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}
