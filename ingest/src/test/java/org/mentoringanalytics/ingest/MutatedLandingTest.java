package org.mentoringanalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.contracts.Tables;

/**
 * A seeded mutation loop: valid session files damaged a thousand ways (bytes flipped, commas and quotes
 * added, characters dropped, blank lines and carriage returns inserted, lines repeated, files cut short)
 * go through one ingest. It must finish, account for every file, and write no row that the damaged
 * file does not hold as a well-formed line: no value under another column, no invented row.
 * A failing file is shrunk ({@link LineShrinker}) to the fewest lines and characters that still fail,
 * written to {@code target/mutation-cases/}, and kept by naming it in
 * {@code src/test/resources/mutation-cases/}, where every run replays it.
 */
class MutatedLandingTest {

    private static final String HEADER = "session_id,match_id,started_at,duration_minutes,channel,mode,logged_by";
    /** Mutated files per run: -Dmutated.files=5000 for a longer run. */
    private static final int FILES = Integer.getInteger("mutated.files", 400);
    private static final long SEED = 20261201L;

    @TempDir
    Path dir;

    @Test
    void everyMutationEndsInLoadedOrRejectedRowsAndNoRowComesFromAShiftedOrInventedLine() throws Exception {
        Random random = new Random(SEED);
        Map<String, String> mutated = new TreeMap<>();
        for (int f = 0; f < FILES; f++) {
            mutated.put(String.format("sessions/m%04d.csv", f), new String(mutate(original(f), random), StandardCharsets.UTF_8));
        }
        Map<String, List<String>> problems = problems(dir.resolve("all"), mutated);
        if (!problems.isEmpty()) {
            // Shrink the first failing file on its own and keep it where it can be named and committed.
            String name = problems.keySet().iterator().next();
            List<String> lines = List.of(mutated.get(name).split("\n", -1));
            int[] attempt = {0};
            List<String> shrunk = LineShrinker.shrink(lines, candidate -> {
                try {
                    return !problems(dir.resolve("shrink-" + attempt[0]++), Map.of(name, String.join("\n", candidate))).isEmpty();
                } catch (Exception e) {
                    return true;
                }
            });
            Path kept = Files.createDirectories(Path.of("target", "mutation-cases")).resolve(
                    name.replace("sessions/", "shrunk-"));
            Files.writeString(kept, String.join("\n", shrunk));
            throw new AssertionError(problems + "\nshrunk to " + kept.toAbsolutePath() + ":\n" + String.join("\n", shrunk)
                    + "\nname it after what it shows and copy it to src/test/resources/mutation-cases/ to keep it");
        }
        assertThat(IngestRun.read(dir.resolve("all").resolve("warehouse"), Tables.STG_SESSIONS))
                .as("most rows survive a few mutations").hasSizeGreaterThan(FILES);
    }

    /** Cases a mutation once found, shrunk and named: each must stay accounted for. */
    @Test
    void theNamedCasesStayAccountedFor() throws Exception {
        Map<String, String> cases = new TreeMap<>();
        Path folder = Path.of("src/test/resources/mutation-cases");
        try (var list = Files.list(folder)) {
            for (Path file : list.filter(p -> p.toString().endsWith(".csv")).toList()) {
                cases.put("sessions/case-" + file.getFileName(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(4);
        assertThat(problems(dir.resolve("cases"), cases)).isEmpty();
    }

    /**
     * Ingests the fixture with these session files and lists, by file, what the oracle finds
     * wrong: a file not accounted for, more rows read than lines, rows neither written nor
     * rejected, a staged row that no well-formed line of the files holds.
     */
    private static Map<String, List<String>> problems(Path root, Map<String, String> files) throws Exception {
        Path landing = LandingFixture.write(root.resolve("landing"));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(landing.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        IngestResult result = IngestRun.run(landing, root.resolve("warehouse"), new IngestSettings(5_000, 1_000_000));
        Map<String, List<String>> problems = new TreeMap<>();
        if (result.outcome() != IngestResult.Outcome.COMPLETED) {
            problems.put("(run)", List.of("the run ended " + result.outcome() + ": " + result.error()));
            return problems;
        }
        for (String name : files.keySet()) {
            List<IngestResult.FileOutcome> outcome = result.files().stream().filter(f -> f.file().equals(name)).toList();
            if (outcome.size() != 1) {
                problems.computeIfAbsent(name, k -> new ArrayList<>()).add("accounted for " + outcome.size() + " times");
                continue;
            }
            IngestResult.FileOutcome file = outcome.get(0);
            long lines = files.get(name).split("\r\n|\r|\n", -1).length;
            if (file.status().equals("loaded") && (file.read() > lines - 1 || file.written() + file.rejected() != file.read())) {
                problems.computeIfAbsent(name, k -> new ArrayList<>()).add("read " + file.read() + " of " + lines
                        + " lines, written " + file.written() + ", rejected " + file.rejected());
            }
        }
        // Every well-formed line of every file, by the id it starts with (a mutation may change the id).
        Map<String, List<String>> lines = new HashMap<>();
        Map<String, String> fileOfId = new HashMap<>();
        files.forEach((name, text) -> {
            for (String line : text.split("\r\n|\r|\n")) {
                String trimmed = line.strip();
                String[] cells = trimmed.split(",", -1);
                // A quote opening a field changes how the line splits; one inside a value is a plain character.
                boolean quoted = java.util.Arrays.stream(cells).anyMatch(c -> c.strip().startsWith("\""));
                if (!quoted && cells.length == 7) {
                    lines.computeIfAbsent(cells[0].trim(), k -> new ArrayList<>()).add(trimmed);
                    fileOfId.put(cells[0].trim(), name);
                }
            }
        });
        for (GenericRecord row : IngestRun.read(root.resolve("warehouse"), Tables.STG_SESSIONS)) {
            String id = row.get("session_id").toString();
            if (id.equals("S1") || id.equals("S2")) {
                continue;
            }
            String expected = String.join(",", id, row.get("match_id").toString(), String.valueOf(row.get("duration_minutes")),
                    row.get("channel").toString(), row.get("mode").toString());
            boolean held = lines.getOrDefault(id, List.of()).stream().anyMatch(line -> {
                String[] cells = line.split(",", -1);
                return String.join(",", cells[0].trim(), cells[1].trim(), cells[3].trim(), cells[4].trim(), cells[5].trim())
                        .equals(expected);
            });
            if (!held) {
                problems.computeIfAbsent(fileOfId.getOrDefault(id, files.size() == 1 ? files.keySet().iterator().next() : "(?)"),
                        k -> new ArrayList<>()).add("staged " + expected + ", which no well-formed line holds");
            }
        }
        return problems;
    }

    /** Five sessions of match M1, ids unique to the file. */
    private static String original(int f) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        String[] channels = {"video", "phone", "chat", "email", "in_person"};
        for (int s = 0; s < 5; s++) {
            text.append(String.format("F%04d-%d,M1,2026-03-%02dT10:00:00Z,%d,%s,%s,E1%n", f, s, 2 + s, 15 + s * 10,
                    channels[s], s == 3 ? "async" : "sync"));
        }
        return text.toString().replace("\r\n", "\n");
    }

    private static byte[] mutate(String text, Random random) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            int at = bytes.length == 0 ? 0 : HEADER.length() + 1 + random.nextInt(Math.max(1, bytes.length - HEADER.length() - 1));
            at = Math.min(at, bytes.length);
            bytes = switch (random.nextInt(9)) {
                case 0 -> flip(bytes, at, random);
                case 1 -> insert(bytes, at, ",");
                case 2 -> insert(bytes, at, "\"");
                case 3 -> delete(bytes, at);
                case 4 -> insert(bytes, at, "\n\n");
                case 5 -> insert(bytes, at, "\r");
                case 6 -> insert(bytes, at, "  ");
                case 7 -> java.util.Arrays.copyOf(bytes, at);
                default -> insert(bytes, at, lineAround(bytes, at));
            };
        }
        return bytes;
    }

    private static byte[] flip(byte[] bytes, int at, Random random) {
        if (at >= bytes.length) {
            return bytes;
        }
        byte[] copy = bytes.clone();
        copy[at] = (byte) random.nextInt(256);
        return copy;
    }

    private static byte[] insert(byte[] bytes, int at, String text) {
        byte[] add = text.getBytes(StandardCharsets.UTF_8);
        byte[] copy = new byte[bytes.length + add.length];
        System.arraycopy(bytes, 0, copy, 0, at);
        System.arraycopy(add, 0, copy, at, add.length);
        System.arraycopy(bytes, at, copy, at + add.length, bytes.length - at);
        return copy;
    }

    private static byte[] delete(byte[] bytes, int at) {
        if (at >= bytes.length) {
            return bytes;
        }
        byte[] copy = new byte[bytes.length - 1];
        System.arraycopy(bytes, 0, copy, 0, at);
        System.arraycopy(bytes, at + 1, copy, at, bytes.length - at - 1);
        return copy;
    }

    /** The whole line the position is in, to repeat it there (a duplicated line). */
    private static String lineAround(byte[] bytes, int at) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int start = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        int end = text.indexOf('\n', at);
        String line = text.substring(start, end < 0 ? text.length() : end + 1);
        return new String(line.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}
