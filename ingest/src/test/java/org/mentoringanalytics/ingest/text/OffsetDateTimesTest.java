package org.mentoringanalytics.ingest.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The positional reader agrees with {@link OffsetDateTime#parse} on every text, valid or not. */
class OffsetDateTimesTest {

    private static final String REPLACEMENTS = "0159+-:TtZz .\u0663\uFF11";

    @Test
    void agreesWithTheStandardParserOnValidAndBrokenTexts() {
        Random random = new Random(20261206L);
        List<String> texts = new ArrayList<>(List.of(
                "2024-02-29T23:59:59+14:00", "2023-02-29T10:00:00Z", "2024-04-31T10:00:00Z", "2024-13-01T10:00:00Z",
                "2024-00-10T10:00:00Z", "2024-01-00T10:00:00Z", "2024-01-10T24:00:00Z", "2024-01-10T23:60:00Z",
                "2024-01-10T23:59:60Z", "2024-01-10T10:00:00+18:00", "2024-01-10T10:00:00-18:00",
                "2024-01-10T10:00:00+18:01", "2024-01-10T10:00:00+19:00", "2024-01-10T10:00:00+05:60",
                "2024-01-10T10:00:00-00:00", "2024-01-10T10:00:00+00:00", "2024-01-10T10:00:00-05:30",
                "0000-01-01T00:00:00Z", "9999-12-31T23:59:59-18:00", "2024-01-10t10:00:00Z", "2024-01-10T10:00:00z",
                "2024-01-10T10:00+01:00", "2024-01-10T10:00:00.5+01:00", "2024-01-10T10:00:00+0100",
                "2024-01-10 10:00:00+01:00", "+2024-01-10T10:00:00Z", "2024-1-10T10:00:00+01:00"));
        for (int i = 0; i < 20_000; i++) {
            String valid = String.format("%04d-%02d-%02dT%02d:%02d:%02d%s", random.nextInt(10_000), 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60),
                    random.nextInt(5) == 0 ? "Z" : String.format("%s%02d:%02d", random.nextBoolean() ? "+" : "-",
                            random.nextInt(19), random.nextInt(4) * 15));
            texts.add(valid);
            StringBuilder broken = new StringBuilder(valid);
            broken.setCharAt(random.nextInt(valid.length()), REPLACEMENTS.charAt(random.nextInt(REPLACEMENTS.length())));
            texts.add(broken.toString());
        }
        int fast = 0;
        for (String text : texts) {
            String expected = standard(text);
            String actual;
            try {
                actual = OffsetDateTimes.parse(text).toString();
            } catch (DateTimeParseException e) {
                actual = "error: " + e.getMessage();
            }
            assertEquals(expected, actual, text);
            if (OffsetDateTimes.fixedShape(text) != null) {
                fast++;
            }
        }
        // Most texts have the common shape: the positional path is taken, not only the fallback.
        assertEquals(true, fast > 20_000, "positional reads: " + fast);
    }

    @Test
    void readsTheCommonShapesByPositionAndLeavesTheRestToTheStandardParser() {
        assertEquals(OffsetDateTime.parse("2021-10-12T13:00:00+01:00"), OffsetDateTimes.fixedShape("2021-10-12T13:00:00+01:00"));
        assertEquals(OffsetDateTime.parse("2021-10-12T13:00:00Z"), OffsetDateTimes.fixedShape("2021-10-12T13:00:00Z"));
        assertEquals(OffsetDateTime.parse("2021-10-12T13:00:00-09:30").toInstant(),
                OffsetDateTimes.fixedShape("2021-10-12T13:00:00-09:30").toInstant());
        assertNotNull(OffsetDateTimes.fixedShape("2024-02-29T00:00:00+00:00"));
        assertNull(OffsetDateTimes.fixedShape("2023-02-29T00:00:00+00:00"));
        assertNull(OffsetDateTimes.fixedShape("2021-10-12T13:00+01:00"));
        assertNull(OffsetDateTimes.fixedShape("2021-10-12T13:00:00.250+01:00"));
    }

    private static String standard(String text) {
        try {
            return OffsetDateTime.parse(text).toString();
        } catch (DateTimeParseException e) {
            return "error: " + e.getMessage();
        }
    }
}
