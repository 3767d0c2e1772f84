package org.mentoringanalytics.ingest.exports;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Local times of exports (written without an offset) placed on the time line. A time the clocks
 * skipped is refused; a time that happened twice takes the offset that keeps events in order: a
 * leave is the earliest reading at or after its join, nearest the export's own duration when the
 * export gives one. Durations are then measured between instants, never between wall-clock readings,
 * so a 20-minute meeting across the autumn change stays 20 minutes.
 */
final class WallClock {

    private WallClock() {
    }

    /**
     * The earliest instant this reading can be at or after {@code notBefore} (when given); when every
     * reading is before it, the latest.
     */
    static ZonedDateTime at(LocalDateTime local, ZoneId zone, ZonedDateTime notBefore) {
        List<ZoneOffset> offsets = offsets(local, zone);
        ZonedDateTime earliest = null;
        for (ZoneOffset offset : offsets) {
            ZonedDateTime candidate = ZonedDateTime.ofStrict(local, offset, zone);
            if (notBefore != null && candidate.isBefore(notBefore)) {
                continue;
            }
            if (earliest == null || candidate.isBefore(earliest)) {
                earliest = candidate;
            }
        }
        // Out of order whatever the offset: the latest reading, so the list's own order is not corrected.
        return earliest != null ? earliest : ZonedDateTime.ofStrict(local, offsets.get(offsets.size() - 1), zone);
    }

    /**
     * A join and its leave. When either reading happened twice, the pair whose length is nearest
     * {@code minutes} (the export's duration column, or null) is taken; without one, the earliest
     * join and the earliest leave not before it.
     */
    static ZonedDateTime[] span(LocalDateTime joined, LocalDateTime left, Integer minutes, ZoneId zone) {
        ZonedDateTime[] best = null;
        long bestGap = Long.MAX_VALUE;
        for (ZoneOffset in : offsets(joined, zone)) {
            for (ZoneOffset out : offsets(left, zone)) {
                ZonedDateTime from = ZonedDateTime.ofStrict(joined, in, zone);
                ZonedDateTime to = ZonedDateTime.ofStrict(left, out, zone);
                if (to.isBefore(from)) {
                    continue;
                }
                long length = Duration.between(from, to).toSeconds();
                long gap = minutes == null ? 0 : Math.abs(length - minutes * 60L);
                boolean earlier = best != null && gap == bestGap
                        && (from.isBefore(best[0]) || (from.isEqual(best[0]) && to.isBefore(best[1])));
                if (best == null || gap < bestGap || earlier) {
                    best = new ZonedDateTime[] {from, to};
                    bestGap = gap;
                }
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("leave time " + left + " is before join time " + joined + " in " + zone);
        }
        return best;
    }

    private static List<ZoneOffset> offsets(LocalDateTime local, ZoneId zone) {
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            throw new IllegalArgumentException(local + " does not exist in " + zone
                    + " (the clocks skipped it): check exports.timezone");
        }
        return offsets;
    }
}
