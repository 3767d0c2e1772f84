package org.mentoringanalytics.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.contracts.Warehouse;
import org.mentoringanalytics.reports.MartReader;
import org.mentoringanalytics.sampledata.GeneratorConfig;
import org.mentoringanalytics.sampledata.GroundTruth;
import org.mentoringanalytics.sampledata.SampleData;

/**
 * The pipeline must recover what the generator planted: the mentees' voluntary-exit hazard ratio
 * (the geometric mean over their first programs' types, from ground-truth.properties) and the
 * mentors' 0.8 inside the reported 95% intervals for most seeds, and a naive comparison that
 * overstates the effect because volunteers come from low-turnover departments. The 20-seed
 * version with coverage and bias is bench/planted.sh.
 */
class PlantedEffectRecoveryTest {

    private static final long[] SEEDS = {101, 202, 303, 404};

    @TempDir
    Path dir;

    @Test
    void theMatchedAnalysisRecoversThePlantedHazardRatioAndTheNaiveOneIsBiased() throws Exception {
        Path key = dir.resolve("key");
        Files.writeString(key, "planted-effect-test-key-0123456789abcdef");
        int covered = 0;
        int mentorsCovered = 0;
        List<String> report = new ArrayList<>();
        double naiveMinusMatched = 0;
        for (long seed : SEEDS) {
            Path landing = dir.resolve("landing-" + seed);
            Path warehouse = dir.resolve("warehouse-" + seed);
            SampleData.generate(new GeneratorConfig(seed, 1000, 5, LocalDate.of(2026, 9, 30), 1.1), landing);
            assertThat(Main.execute("ingest", "--landing", landing.toString(), "--warehouse", warehouse.toString(),
                    "--key-file", key.toString())).isZero();
            assertThat(Main.execute("metrics", "--landing", landing.toString(), "--warehouse", warehouse.toString(),
                    "--master", "local[2]")).isZero();
            MartReader marts = new MartReader(new Warehouse(warehouse.toAbsolutePath().toString()));
            java.util.Properties truth = new java.util.Properties();
            try (var in = Files.newBufferedReader(landing.resolve("ground-truth.properties"))) {
                truth.load(in);
            }
            List<Map<String, Object>> outcomes = marts.read(Tables.MART_RETENTION_OUTCOME);
            Map<String, Object> matched = outcomes.stream()
                    .filter(r -> r.get("scope").equals("ALL") && r.get("role").equals("mentee")).findFirst().orElseThrow();
            Map<String, Object> mentors = outcomes.stream()
                    .filter(r -> r.get("scope").equals("ALL") && r.get("role").equals("mentor")).findFirst().orElseThrow();
            double lower = (Double) matched.get("hazard_ratio_lower");
            double upper = (Double) matched.get("hazard_ratio_upper");
            double menteeTruth = Double.parseDouble(truth.getProperty("mentee_voluntary_exit_hazard_ratio"));
            if (lower <= menteeTruth && menteeTruth <= upper) {
                covered++;
            }
            double mentorLower = (Double) mentors.get("hazard_ratio_lower");
            double mentorUpper = (Double) mentors.get("hazard_ratio_upper");
            if (mentorLower <= GroundTruth.MENTOR_EXIT_HAZARD_RATIO && GroundTruth.MENTOR_EXIT_HAZARD_RATIO <= mentorUpper) {
                mentorsCovered++;
            }
            List<Map<String, Object>> naive = marts.read(Tables.MART_RETENTION_12M).stream()
                    .filter(r -> r.get("scope").equals("ALL")).toList();
            double naiveDifference = rate(naive, "mentee") - rate(naive, "comparison");
            double matchedDifference = (Double) matched.get("retention_12m_difference");
            naiveMinusMatched += naiveDifference - matchedDifference;
            report.add(String.format("seed %d: mentees HR %.2f (%.2f to %.2f) against %.2f, mentors %.2f (%.2f to %.2f), "
                            + "naive +%.3f, matched +%.3f", seed, (Double) matched.get("hazard_ratio"), lower, upper,
                    menteeTruth, (Double) mentors.get("hazard_ratio"), mentorLower, mentorUpper, naiveDifference,
                    matchedDifference));

            Map<String, Object> engineering = marts.read(Tables.MART_MATCHING_BALANCE).stream()
                    .filter(r -> r.get("role").equals("mentee") && r.get("covariate").equals("department=Engineering"))
                    .findFirst().orElseThrow();
            assertThat((Double) engineering.get("smd_before")).as("volunteers skew to Engineering").isGreaterThan(0.2);
            assertThat(Math.abs((Double) engineering.get("smd_after"))).as("matching removes it")
                    .isLessThan(Math.abs((Double) engineering.get("smd_before")));
        }
        assertThat(covered).as(String.join("\n", report)).isGreaterThanOrEqualTo(3);
        assertThat(mentorsCovered).as(String.join("\n", report)).isGreaterThanOrEqualTo(3);
        assertThat(naiveMinusMatched / SEEDS.length).as("naive overstatement on average\n" + String.join("\n", report))
                .isGreaterThan(0.0);
    }

    private static double rate(List<Map<String, Object>> rows, String group) {
        return rows.stream().filter(r -> r.get("group_name").equals(group)).map(r -> (Double) r.get("retention_rate"))
                .findFirst().orElseThrow();
    }
}
