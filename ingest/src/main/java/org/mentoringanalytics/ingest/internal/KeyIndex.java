package org.mentoringanalytics.ingest.internal;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Compact membership of many primary keys by a 64-bit hash: 8 bytes a key, so tens of millions
 * fit in memory. A hash hit is only a candidate; callers confirm it on the exact key.
 */
final class KeyIndex {

    private long[] hashes = new long[1024];
    private int size;
    private boolean sorted;

    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        return h ^ (h >>> 29);
    }

    void add(long hash) {
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        hashes[size++] = hash;
        sorted = false;
    }

    int size() {
        return size;
    }

    boolean mightContain(long hash) {
        sort();
        return Arrays.binarySearch(hashes, 0, size, hash) >= 0;
    }

    /** Hashes added more than once. */
    Set<Long> repeated() {
        sort();
        Set<Long> repeated = new HashSet<>();
        for (int i = 1; i < size; i++) {
            if (hashes[i] == hashes[i - 1]) {
                repeated.add(hashes[i]);
            }
        }
        return repeated;
    }

    private void sort() {
        if (!sorted) {
            Arrays.sort(hashes, 0, size);
            sorted = true;
        }
    }
}
