package org.mentoringanalytics.sampledata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataTest {

    private static final GeneratorConfig SMALL = new GeneratorConfig(7L, 400, 4, LocalDate.of(2025, 12, 31), 1.0);

    @Test
    void sameSeedGivesSameBytesAndAnotherSeedDoesNot(@TempDir Path dir) throws Exception {
        SampleData.generate(SMALL, dir.resolve("a"));
        SampleData.generate(SMALL, dir.resolve("b"));
        SampleData.generate(new GeneratorConfig(8L, 400, 4, LocalDate.of(2025, 12, 31), 1.0), dir.resolve("c"));
        assertThat(digest(dir.resolve("a"))).isEqualTo(digest(dir.resolve("b")));
        assertThat(digest(dir.resolve("a"))).isNotEqualTo(digest(dir.resolve("c")));
    }

    @Test
    void theCommittedSampleIsExactlyTheGeneratorsOutput(@TempDir Path dir) throws Exception {
        Path committed = Path.of("sample/landing");
        SampleData.generate(GeneratorConfig.sample(), dir);
        assertThat(digest(dir)).as("regenerate with: bin/mentoring-analytics generate --output sample-data/sample/landing")
                .isEqualTo(digest(committed));
    }

    @Test
    void writesEveryLandingFileWithItsHeader(@TempDir Path dir) throws Exception {
        SampleData.generate(SMALL, dir);
        assertThat(header(dir.resolve("hr/employees.csv"))).containsExactly("employee_id", "email", "hire_date",
                "termination_date", "termination_type", "department", "location", "job_level", "manager_id", "gender",
                "ethnicity", "birth_year");
        assertThat(header(dir.resolve("programs/matches.csv"))).containsExactly("match_id", "program_id", "mentor_id",
                "mentee_id", "matched_at", "ended_at", "end_reason");
        assertThat(Files.readString(dir.resolve("landing.properties"))).contains("as_of=2025-12-31");
        String truth = Files.readString(dir.resolve("ground-truth.properties"));
        assertThat(truth).contains("mentee_voluntary_exit_hazard_ratio.career=0.45",
                "mentee_voluntary_exit_hazard_ratio.peer=1.0", "mentee_voluntary_exit_hazard_ratio.onboarding=0.6",
                "mentor_voluntary_exit_hazard_ratio=0.8");
        java.util.Properties planted = new java.util.Properties();
        planted.load(new java.io.StringReader(truth));
        // The pooled mentee effect is a geometric mean of the types' effects, so it lies between them.
        assertThat(Double.parseDouble(planted.getProperty("mentee_voluntary_exit_hazard_ratio"))).isBetween(0.45, 1.0)
                .isNotEqualTo(0.6);
        try (Stream<Path> sessions = Files.list(dir.resolve("sessions"))) {
            assertThat(sessions.count()).isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void nothingHappensAfterTheAsOfDateAndExitsFollowHires(@TempDir Path dir) throws Exception {
        SampleData.generate(SMALL, dir);
        for (CSVRecord r : records(dir.resolve("hr/employees.csv"))) {
            assertThat(LocalDate.parse(r.get("hire_date"))).isBeforeOrEqualTo(SMALL.asOf());
            if (!r.get("termination_date").isEmpty()) {
                LocalDate exit = LocalDate.parse(r.get("termination_date"));
                assertThat(exit).isBeforeOrEqualTo(SMALL.asOf()).isAfterOrEqualTo(LocalDate.parse(r.get("hire_date")));
                assertThat(r.get("termination_type")).isIn("voluntary", "involuntary");
            }
        }
    }

    @Test
    void groupMatchesRepeatTheirIdPerMenteeWithOneMentor(@TempDir Path dir) throws Exception {
        SampleData.generate(SMALL, dir);
        Map<String, Set<String>> mentorsByMatch = new HashMap<>();
        Map<String, Integer> rowsByMatch = new HashMap<>();
        for (CSVRecord r : records(dir.resolve("programs/matches.csv"))) {
            mentorsByMatch.computeIfAbsent(r.get("match_id"), k -> new HashSet<>()).add(r.get("mentor_id"));
            rowsByMatch.merge(r.get("match_id"), 1, Integer::sum);
        }
        assertThat(mentorsByMatch.values()).allMatch(m -> m.size() == 1);
        assertThat(rowsByMatch.values()).anyMatch(n -> n > 1);
    }

    /**
     * Volunteers are planted in low-turnover departments: Engineering must be over-represented
     * among mentees compared with the whole workforce.
     */
    @Test
    void volunteersAreNotARandomSample(@TempDir Path dir) throws Exception {
        SampleData.generate(GeneratorConfig.sample(), dir);
        Map<String, String> departmentOf = new HashMap<>();
        for (CSVRecord r : records(dir.resolve("hr/employees.csv"))) {
            departmentOf.put(r.get("employee_id"), r.get("department"));
        }
        Set<String> mentees = new HashSet<>();
        for (CSVRecord r : records(dir.resolve("programs/matches.csv"))) {
            mentees.add(r.get("mentee_id"));
        }
        double engineeringAll = share(departmentOf.values().stream().toList(), "Engineering");
        double engineeringMentees = share(mentees.stream().map(departmentOf::get).toList(), "Engineering");
        double salesAll = share(departmentOf.values().stream().toList(), "Sales");
        double salesMentees = share(mentees.stream().map(departmentOf::get).toList(), "Sales");
        assertThat(engineeringMentees).isGreaterThan(engineeringAll * 1.2);
        assertThat(salesMentees).isLessThan(salesAll * 0.9);
    }

    private static double share(List<String> values, String value) {
        return values.stream().filter(value::equals).count() / (double) values.size();
    }

    private static List<String> header(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getHeaderNames();
        }
    }

    static List<CSVRecord> records(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private static String digest(Path root) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                md.update(root.relativize(f).toString().getBytes());
                md.update(Files.readAllBytes(f));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
