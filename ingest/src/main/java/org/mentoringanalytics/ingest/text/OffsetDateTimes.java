package org.mentoringanalytics.ingest.text;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * ISO-8601 date-times with an offset, as {@link OffsetDateTime#parse} reads them. The shape every
 * export writes, {@code yyyy-MM-ddTHH:mm:ss} followed by {@code Z} or {@code ±HH:MM}, is read by
 * position; anything else, including every invalid value, goes to {@link OffsetDateTime#parse},
 * so results and errors are the standard parser's. The general parser copies its parse state for
 * each optional section, and was a quarter of the sessions step in stack samples.
 */
public final class OffsetDateTimes {

    private static final int WITH_OFFSET = "2024-01-31T09:30:00+01:00".length();
    private static final int WITH_Z = "2024-01-31T09:30:00Z".length();

    // Offsets in whole quarter hours from -18:00 to +18:00, the ones exports write, made once: the
    // JDK's own cache boxes the seconds and looks them up in a concurrent map for every value.
    private static final int QUARTERS = 18 * 4;
    private static final ZoneOffset[] BY_QUARTER = new ZoneOffset[2 * QUARTERS + 1];

    static {
        for (int q = -QUARTERS; q <= QUARTERS; q++) {
            BY_QUARTER[q + QUARTERS] = ZoneOffset.ofTotalSeconds(q * 15 * 60);
        }
    }

    private OffsetDateTimes() {
    }

    /** @throws java.time.format.DateTimeParseException as {@link OffsetDateTime#parse} does */
    public static OffsetDateTime parse(String text) {
        OffsetDateTime fixed = fixedShape(text);
        return fixed != null ? fixed : OffsetDateTime.parse(text);
    }

    /** The value of text in the common shape, or null when it has another shape or is not a valid date-time. */
    static OffsetDateTime fixedShape(String s) {
        int n = s.length();
        if (n != WITH_OFFSET && n != WITH_Z
                || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            ZoneOffset offset;
            if (n == WITH_Z) {
                if (s.charAt(19) != 'Z') {
                    return null;
                }
                offset = ZoneOffset.UTC;
            } else {
                char sign = s.charAt(19);
                int offsetHours = digits(s, 20, 2);
                int offsetMinutes = digits(s, 23, 2);
                if (sign != '+' && sign != '-' || s.charAt(22) != ':' || offsetHours < 0 || offsetMinutes < 0) {
                    return null;
                }
                int direction = sign == '-' ? -1 : 1;
                offset = offsetMinutes % 15 == 0 && offsetMinutes < 60 && offsetHours * 4 + offsetMinutes / 15 <= QUARTERS
                        ? BY_QUARTER[QUARTERS + direction * (offsetHours * 4 + offsetMinutes / 15)]
                        : ZoneOffset.ofHoursMinutes(direction * offsetHours, direction * offsetMinutes);
            }
            return OffsetDateTime.of(LocalDateTime.of(year, month, day, hour, minute, second), offset);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** The ASCII digits at {@code from..from+count} as a number, or -1 when one is not a digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
