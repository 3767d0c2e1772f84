package org.mentoringanalytics.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.contracts.Warehouse;
import org.mentoringanalytics.reports.MartReader;

/** Generator, ingest, metrics and report in one go through the command line, on a small generated set. */
class PipelineEndToEndTest {

    private static final LocalDate AS_OF = PipelineFixture.AS_OF;

    static Path dir;
    static Path landing;
    static Path warehouse;
    static Path reports;
    static Path key;
    static int firstExit;

    @BeforeAll
    static void runPipeline() throws Exception {
        PipelineFixture fixture = PipelineFixture.get();
        dir = fixture.dir;
        landing = fixture.landing;
        warehouse = fixture.warehouse;
        reports = fixture.reports;
        key = fixture.key;
        firstExit = fixture.firstExit;
    }

    private static int run() {
        return PipelineFixture.run(landing, warehouse, reports, key);
    }

    @Test
    void thePdfCarriesTheKpisTheMartsHold() throws Exception {
        assertThat(firstExit).isZero();
        Path pdf = reports.resolve("mentoring-2026-Q2.pdf");
        assertThat(pdf).isRegularFile();
        MartReader marts = new MartReader(new Warehouse(warehouse.toAbsolutePath().toString()));

        // Live and active matches in the quarter's last month, summed over programs, straight from the mart.
        long live = 0;
        long active = 0;
        for (Map<String, Object> row : marts.read(Tables.MART_PROGRAM_ENGAGEMENT_MONTHLY)) {
            if (row.get("month").equals(LocalDate.of(2026, 6, 1))) {
                live += (Long) row.get("live_matches");
                active += (Long) row.get("active_matches");
            }
        }
        assertThat(live).isPositive();
        Map<String, Object> mentees = marts.read(Tables.MART_RETENTION_OUTCOME).stream()
                .filter(r -> r.get("scope").equals("ALL") && r.get("role").equals("mentee")).findFirst().orElseThrow();
        double difference = (Double) mentees.get("retention_12m_difference") * 100;

        String text;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(document);
        }
        // Lines wrap wherever the layout puts them: compare without any whitespace (non-breaking spaces too).
        text = text.replaceAll("[\\s\u00A0]+", "");
        assertThat(text).contains(squeeze("Quarterly report 2026-Q2"), squeeze("Data as of: 2026-06-30"));
        assertThat(text).contains(squeeze(active + " of " + live + " live matches met in the quarter's last month"));
        // The mentees' 12-month difference in plain words: per 100 people, with its interval's ends.
        double lower = (Double) mentees.get("retention_12m_difference_lower") * 100;
        double upper = (Double) mentees.get("retention_12m_difference_upper") * 100;
        assertThat(text).contains(squeeze("about " + Math.round(Math.abs(difference)) + (difference > 0 ? " more" : " fewer")
                + " in every 100 mentees were still with the company a year after their first match than comparable "
                + "colleagues (we are 95% sure the true figure is between " + end(lower) + " and " + end(upper) + " in 100)"));
        // The hazard ratio with its interval in the retention chapter.
        assertThat(text).contains(squeeze(minus(String.format(Locale.ROOT, "%.2f (%.2f to %.2f)",
                (Double) mentees.get("hazard_ratio"), (Double) mentees.get("hazard_ratio_lower"),
                (Double) mentees.get("hazard_ratio_upper")))));

        // The NPS and goal completion tiles, from the quarterly marts' all-programs rows.
        Map<String, Object> nps = marts.read(Tables.MART_SURVEY_QUARTERLY).stream()
                .filter(r -> r.get("program_id").equals("ALL") && r.get("quarter").equals("2026-Q2")
                        && r.get("construct").equals("recommend") && r.get("role").equals("mentee"))
                .findFirst().orElseThrow();
        assertThat(text).contains(squeeze(minus(String.format(Locale.ROOT, "%.1f 95%% CI %.1f to %.1f",
                (Double) nps.get("nps"), (Double) nps.get("nps_lower"), (Double) nps.get("nps_upper")))));
        Map<String, Object> goals = marts.read(Tables.MART_GOALS_QUARTERLY).stream()
                .filter(r -> r.get("program_id").equals("ALL") && r.get("quarter").equals("2026-Q2")).findFirst().orElseThrow();
        assertThat(text).contains(squeeze(percent((Double) goals.get("completion_rate"))),
                squeeze(String.format(Locale.ROOT, "%,d of %,d goals set to date", (Long) goals.get("goals_completed"),
                        (Long) goals.get("goals_set"))));
        assertThat(text).contains("Participationandmatching", "Surveyoutcomes", "Retentionandpromotion", "Dataquality");
        // The generated organisation's pages keep the layout rules the report's own tests check on its fixture.
        assertThat(org.mentoringanalytics.reports.PdfLayout.problems(pdf,
                org.mentoringanalytics.reports.PdfLayout.captions("2026-Q2"))).isEmpty();
    }

    /** "2 fewer", "9 more" or "none": an interval's end in people per 100. */
    private static String end(double points) {
        long n = Math.round(Math.abs(points));
        return n == 0 ? "none" : n + (points > 0 ? " more" : " fewer");
    }

    /** The report's minus sign. */
    private static String minus(String text) {
        return text.replaceAll("-(?=\\d)", "\u2212");
    }

    @Test
    void aQuarterWithoutDataAndABadDateAreRefusedWithOneLine() {
        CommandLineTest.Captured empty = CommandLineTest.capture(() -> Main.execute("report", "--warehouse", warehouse.toString(), "--reports",
                dir.resolve("empty-reports").toString(), "--quarter", "2019-Q1"));
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.err().strip()).startsWith("error: no data for 2019-Q1; quarters with data: ")
                .contains("2026-Q2").doesNotContain("\n");
        assertThat(dir.resolve("empty-reports").resolve("mentoring-2019-Q1.pdf")).doesNotExist();
        CommandLineTest.Captured date = CommandLineTest.capture(() -> Main.execute("report", "--warehouse", warehouse.toString(), "--as-of", "2026-13-01"));
        assertThat(date.exit()).isEqualTo(2);
        assertThat(date.err().strip()).isEqualTo("error: Invalid value for option '--as-of': '2026-13-01' is not a date: use YYYY-MM-DD");
        CommandLineTest.Captured quarter = CommandLineTest.capture(() -> Main.execute("report", "--warehouse", warehouse.toString(), "--quarter", "2026Q3"));
        assertThat(quarter.exit()).isEqualTo(2);
        assertThat(quarter.err().strip()).isEqualTo("error: --quarter: '2026Q3' is not a quarter: use YYYY-Qn, e.g. 2026-Q3");
    }

    @Test
    void noRawIdentifierEmailOrPseudonymLeavesTheWarehouseIntoReports() throws Exception {
        String employees = Files.readString(landing.resolve("hr/employees.csv"), StandardCharsets.UTF_8);
        String someId = employees.lines().skip(1).findFirst().orElseThrow().split(",")[0];
        String pdfText;
        try (PDDocument document = Loader.loadPDF(reports.resolve("mentoring-2026-Q2.pdf").toFile())) {
            pdfText = new PDFTextStripper().getText(document);
        }
        List<Path> csvs;
        try (Stream<Path> files = Files.walk(reports)) {
            csvs = files.filter(p -> p.toString().endsWith(".csv")).toList();
        }
        assertThat(csvs).isNotEmpty();
        for (String text : Stream.concat(Stream.of(pdfText), csvs.stream().map(PipelineEndToEndTest::read)).toList()) {
            assertThat(text).doesNotContain(someId + ",").doesNotContain("@example.com").doesNotContainPattern("[0-9a-f]{32}");
        }
    }

    @Test
    void aSecondRunOnTheSameLandingIngestsNothingAndRepublishesTheSameMarts() throws Exception {
        MartReader marts = new MartReader(new Warehouse(warehouse.toAbsolutePath().toString()));
        List<Map<String, Object>> before = marts.read(Tables.MART_RETENTION_12M);
        assertThat(run()).isZero();
        assertThat(marts.read(Tables.MART_RETENTION_12M)).containsExactlyInAnyOrderElementsOf(before);
        try (Stream<Path> runs = Files.list(warehouse.resolve("_ingest"))) {
            assertThat(runs.count()).as("run folders are removed once published").isZero();
        }
    }

    @Test
    void analystsQueryEveryTableByNameButNotTheRestrictedOne() throws Exception {
        Path csv = dir.resolve("outcome.csv");
        assertThat(Main.execute("sql", "SELECT scope, role, participants FROM mart_retention_outcome WHERE scope = 'ALL' "
                + "ORDER BY role", "--warehouse", warehouse.toString(), "--format", "csv", "--output", csv.toString(),
                "--master", "local[2]")).isZero();
        List<Map<String, Object>> outcome = new MartReader(new Warehouse(warehouse.toAbsolutePath().toString()))
                .read(Tables.MART_RETENTION_OUTCOME).stream().filter(r -> r.get("scope").equals("ALL")).toList();
        long mentees = outcome.stream().filter(r -> r.get("role").equals("mentee")).mapToLong(r -> (Long) r.get("participants"))
                .findFirst().orElseThrow();
        assertThat(Files.readAllLines(csv)).startsWith("scope,role,participants", "ALL,mentee," + mentees);
        // Person-level tables and survey comments are not there by default.
        assertThat(Main.execute("sql", "SELECT count(*) FROM stg_sessions", "--warehouse", warehouse.toString(),
                "--master", "local[2]")).isEqualTo(1);
        assertThat(Main.execute("sql", "SELECT * FROM restricted_survey_comments", "--warehouse", warehouse.toString(),
                "--master", "local[2]")).isEqualTo(1);
    }

    @Test
    void duckDbAndSparkGiveTheSameAnswer() throws Exception {
        String query = "SELECT dimension, value, role, workforce, participants, participation_rate, suppressed "
                + "FROM mart_participation_equity WHERE quarter = (SELECT max(quarter) FROM mart_participation_equity) "
                + "ORDER BY dimension, value, role";
        List<List<String>> answers = new ArrayList<>();
        for (String engine : List.of("duckdb", "spark")) {
            Path csv = dir.resolve("equity-" + engine + ".csv");
            assertThat(Main.execute("sql", query, "--warehouse", warehouse.toString(), "--format", "csv", "--output",
                    csv.toString(), "--master", "local[2]", "--engine", engine)).isZero();
            answers.add(Files.readAllLines(csv));
        }
        assertThat(answers.get(0)).hasSizeGreaterThan(10).isEqualTo(answers.get(1));
        // Suppressed rows are null in both, never a small count.
        assertThat(answers.get(0)).anyMatch(line -> line.endsWith(",,,,true"));
    }

    @Test
    void interactiveQueriesShareOneLoadAndARefusalDoesNotEndTheSession() throws Exception {
        String input = "SELECT count(*) AS n FROM mart_goals;\n"
                + "SELECT * FROM read_csv('/etc/passwd');\n"
                + "SELECT count(*) AS people_rows\n  FROM stg_employees;\n"
                + "SELECT role, participants FROM mart_retention_outcome WHERE scope = 'ALL' ORDER BY role";
        java.io.InputStream stdin = System.in;
        java.io.PrintStream stdout = System.out;
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int exit;
        try {
            System.setIn(new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
            exit = Main.execute("sql", "--interactive", "--warehouse", warehouse.toString());
        } finally {
            System.setIn(stdin);
            System.setOut(stdout);
            System.setErr(stderr);
        }
        long goals = new MartReader(new Warehouse(warehouse.toAbsolutePath().toString())).read(Tables.MART_GOALS).size();
        String answers = out.toString(StandardCharsets.UTF_8);
        assertThat(answers).contains("n\n-\n" + goals + "\n(1 row)").contains("mentee").contains("mentor")
                .doesNotContain("people_rows");
        assertThat(err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("error: ")).toList())
                .hasSize(2).anyMatch(l -> l.contains("read_csv")).anyMatch(l -> l.contains("stg_employees holds one row per person"));
        assertThat(exit).isEqualTo(1);
    }

    @Test
    void personLevelTablesNeedTheConfigurationFileAndEveryQueryOfThemIsLogged() throws Exception {
        Path config = dir.resolve("data-team.properties");
        Files.writeString(config, "access=person-level\n");
        String before = System.getProperty("mentoring.config");
        System.setProperty("mentoring.config", config.toString());
        try {
            assertThat(Main.execute("sql", "SELECT count(*) FROM stg_sessions", "--warehouse", warehouse.toString(),
                    "--master", "local[2]")).isZero();
        } finally {
            if (before == null) {
                System.clearProperty("mentoring.config");
            } else {
                System.setProperty("mentoring.config", before);
            }
        }
        List<String> audit = Files.readAllLines(warehouse.resolve("_audit/sql-access.log"));
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0)).contains("\"tables\":\"stg_sessions\"", "\"user\":\"" + System.getProperty("user.name") + "\"");
        // Without the file the door is closed again.
        assertThat(Main.execute("sql", "SELECT count(*) FROM stg_employees", "--warehouse", warehouse.toString(),
                "--master", "local[2]")).isEqualTo(1);
    }

    @Test
    void queriesThatReachOutsideTheMartsAreRefusedAndTheWarehouseIsUntouched() throws Exception {
        String root = warehouse.toAbsolutePath().toString();
        String[] attacks = {
                "SELECT * FROM parquet.`" + root + "/restricted/restricted_survey_comments`",
                "SELECT * FROM text.`/etc/passwd`",
                "SELECT reflect('java.lang.System', 'getenv', 'MENTORING_PSEUDONYM_KEY')",
                "SELECT java_method('java.lang.System', 'getProperty', 'user.home')",
                "SELECT input_file_name() FROM mart_goals",
                "CREATE TABLE hijack USING parquet LOCATION '" + root + "/marts/mart_goals' AS SELECT 1.0 AS completion_rate",
                "INSERT OVERWRITE DIRECTORY '" + root + "/marts/mart_match_health' USING parquet SELECT 1 AS x",
                "DROP VIEW mart_goals",
                "SET spark.sql.runSQLOnFiles=true",
                "SELECT * FROM mart_goals WHERE program_id IN (SELECT value FROM text.`/etc/passwd`)",
                "WITH x AS (SELECT * FROM json.`" + root + "`) SELECT * FROM x",
                "SELECT * FROM read_files('/etc/passwd')",
                "SELECT * FROM IDENTIFIER('stg_employees')",
                "SELECT * FROM stg_employees JOIN mart_goals ON true",
                // DuckDB's ways out: its file readers, query strings, attaching, extensions, COPY, settings.
                "SELECT * FROM read_csv('/etc/passwd')",
                "SELECT * FROM read_parquet('" + root + "/restricted/restricted_survey_comments/*.parquet')",
                "SELECT * FROM '" + root + "/staging/stg_employees/part-00000.parquet'",
                "SELECT * FROM query('SELECT * FROM stg_employees')",
                "SELECT content FROM read_text('/etc/passwd')",
                "SELECT * FROM mart_goals WHERE program_id IN (SELECT * FROM read_csv('/etc/passwd'))",
                "ATTACH '" + root + "/x.db' AS x",
                "INSTALL httpfs",
                "COPY mart_goals TO '" + root + "/marts/mart_goals/x.csv'",
                "SET enable_external_access = true",
                "SELECT * FROM mart_goals; SELECT * FROM stg_employees",
                "SELECT * FROM information_schema.tables",
                "SELECT getenv('MENTORING_PSEUDONYM_KEY')"};
        String fingerprint = fingerprint(warehouse);
        for (String engine : new String[]{"duckdb", "spark"}) {
        for (String attack : attacks) {
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            java.io.PrintStream previous = System.err;
            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            int exit;
            try {
                exit = Main.execute("sql", attack, "--warehouse", warehouse.toString(), "--master", "local[2]",
                        "--engine", engine);
            } finally {
                System.setErr(previous);
            }
            String message = err.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
            assertThat(exit).as(engine + ": " + attack).isEqualTo(1);
            assertThat(message.lines().count()).as(engine + ": " + attack + "\n" + message).isEqualTo(1);
            assertThat(message).as(engine + ": " + attack).doesNotContain("Exception").doesNotContain("\tat ");
        }
        }
        // Nor can a result be written into the warehouse.
        for (String inside : new String[]{root + "/marts/mart_goals/part-00000.parquet", root + "/_key-fingerprint",
                root + "/../warehouse/safe/x.csv"}) {
            assertThat(Main.execute("sql", "SELECT 1 AS x", "--warehouse", warehouse.toString(), "--format", "csv",
                    "--output", inside, "--master", "local[2]")).as(inside).isEqualTo(1);
        }
        assertThat(fingerprint(warehouse)).as("the warehouse is byte-identical").isEqualTo(fingerprint);
    }

    @Test
    void theSafeLayerHoldsNoValueFromFewerThanFivePeopleAndNoLoneHiddenCell() {
        org.apache.spark.sql.SparkSession spark = SparkSessions.create("local[2]");
        try {
            Warehouse tables = new Warehouse(warehouse.toAbsolutePath().toString());
            int checkedHidden = 0;
            for (org.mentoringanalytics.contracts.TableContract mart : Tables.all()) {
                if (mart.layer() != org.mentoringanalytics.contracts.Layer.MARTS) {
                    continue;
                }
                var safeContract = Tables.safe(mart);
                List<org.apache.spark.sql.Row> raw = spark.read().parquet(tables.location(mart)).collectAsList();
                var safeFrame = spark.read().parquet(tables.location(safeContract));
                List<org.apache.spark.sql.Row> safe = safeFrame.collectAsList();
                assertThat(safe).as(mart.name()).hasSameSizeAs(raw);
                java.util.Map<List<Object>, org.apache.spark.sql.Row> byKey = new java.util.HashMap<>();
                for (org.apache.spark.sql.Row r : safe) {
                    byKey.put(key(r, mart), r);
                }
                String peopleColumn = mart.name().equals("mart_retention_survival") ? "at_risk" : "people";
                boolean personal = mart.findColumn("people").isPresent();
                for (org.apache.spark.sql.Row r : raw) {
                    org.apache.spark.sql.Row s = byKey.get(key(r, mart));
                    assertThat(s).as(mart.name() + " " + key(r, mart)).isNotNull();
                    boolean hidden = s.getAs(Tables.SUPPRESSED);
                    if (personal && ((Number) r.getAs(peopleColumn)).longValue() < 5) {
                        assertThat(hidden).as(mart.name() + " " + key(r, mart)).isTrue();
                        checkedHidden++;
                    }
                    for (var c : mart.columns()) {
                        if (mart.primaryKey().contains(c.name())) {
                            continue;
                        }
                        if (hidden) {
                            assertThat((Object) s.getAs(c.name())).as(mart.name() + "." + c.name()).isNull();
                        } else {
                            assertThat((Object) s.getAs(c.name())).as(mart.name() + "." + c.name())
                                    .isEqualTo(r.getAs(c.name()));
                        }
                    }
                }
                // Along every margin, no group has exactly one hidden row beside shown ones.
                for (var margin : org.mentoringanalytics.jobs.SafeMarts.margins(mart)) {
                    java.util.Map<List<Object>, long[]> groups = new java.util.HashMap<>();
                    for (org.apache.spark.sql.Row r : safe) {
                        Object value = r.getAs(margin.get(0));
                        if (value instanceof String v && v.equalsIgnoreCase("all")) {
                            continue;
                        }
                        List<Object> group = margin.subList(1, margin.size()).stream().map(g -> (Object) r.getAs(g)).toList();
                        long[] counts = groups.computeIfAbsent(group, g -> new long[2]);
                        counts[0]++;
                        counts[1] += r.<Boolean>getAs(Tables.SUPPRESSED) ? 1 : 0;
                    }
                    groups.forEach((group, counts) -> assertThat(counts[0] > 1 && counts[1] == 1)
                            .as(mart.name() + " margin " + margin.get(0) + " in " + group).isFalse());
                }
            }
            assertThat(checkedHidden).as("the fixture has small groups to hide").isPositive();
        } finally {
            spark.stop();
        }
        // What an analyst reaches by default is the safe layer.
        assertThat(Main.execute("sql", "SELECT count(*) FROM mart_match_engagement_monthly WHERE sessions IS NOT NULL",
                "--warehouse", warehouse.toString(), "--master", "local[2]")).isZero();
    }

    @Test
    void foldersHoldingPeoplesRowsAreTheOwnersAlone() throws Exception {
        for (String folder : List.of("staging", "intermediate", "restricted", "_repository")) {
            Path real = warehouse.resolve(folder).toRealPath();
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(real)))
                    .as(folder).isEqualTo("rwx------");
            try (Stream<Path> files = Files.walk(real)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                            .as(f.toString()).isEqualTo("rw-------");
                }
            }
        }
    }

    @Test
    void reportCsvCellsCannotRunAsFormulas() throws Exception {
        try (Stream<Path> csvs = Files.walk(reports)) {
            for (Path csv : csvs.filter(f -> f.toString().endsWith(".csv")).toList()) {
                try (var parser = org.apache.commons.csv.CSVParser.parse(csv, StandardCharsets.UTF_8,
                        org.apache.commons.csv.CSVFormat.DEFAULT)) {
                    for (var record : parser) {
                        for (String cell : record) {
                            assertThat(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0
                                    || cell.matches("[-+]?[0-9.]+([eE][-+]?[0-9]+)?")).as(csv + ": " + cell).isTrue();
                        }
                    }
                }
            }
        }
    }

    @Test
    void subtractingACutFromItsCoarserParentRecoversNoHiddenCell() {
        for (String[] cut : new String[][]{{"by-department", "department"}, {"by-department-gender", "department,gender"}}) {
            assertThat(Main.execute("metrics", "--warehouse", warehouse.toString(), "--landing", landing.toString(),
                    "--output", cut[0], "--by", cut[1], "--master", "local[2]")).isZero();
        }
        org.apache.spark.sql.SparkSession spark = SparkSessions.create("local[2]");
        try {
            List<org.apache.spark.sql.Row> parent = spark.read().parquet(warehouse.resolve("adhoc/by-department")
                    .toString()).collectAsList();
            List<org.apache.spark.sql.Row> child = spark.read().parquet(warehouse.resolve("adhoc/by-department-gender")
                    .toString()).collectAsList();
            long hiddenCells = child.stream().filter(r -> r.<Boolean>getAs("suppressed")).count();
            assertThat(hiddenCells).as("the fixture has small cells").isPositive();
            for (org.apache.spark.sql.Row p : parent) {
                String department = p.getAs("department");
                List<org.apache.spark.sql.Row> line = child.stream()
                        .filter(r -> r.<String>getAs("department").equals(department)).toList();
                long hidden = line.stream().filter(r -> r.<Boolean>getAs("suppressed")).count();
                assertThat(hidden).as(department + ": one hidden cell would be the parent minus the others")
                        .isNotEqualTo(1);
                if (!p.<Boolean>getAs("suppressed") && hidden == 0) {
                    long sessions = line.stream().mapToLong(r -> r.<Long>getAs("sessions")).sum();
                    assertThat(sessions).as(department).isEqualTo(p.<Long>getAs("sessions"));
                }
            }
            for (String gender : child.stream().map(r -> r.<String>getAs("gender")).distinct().toList()) {
                long hidden = child.stream().filter(r -> r.<String>getAs("gender").equals(gender)
                        && r.<Boolean>getAs("suppressed")).count();
                long cells = child.stream().filter(r -> r.<String>getAs("gender").equals(gender)).count();
                assertThat(cells > 1 && hidden == 1).as(gender).isFalse();
            }
            assertThat(parent.stream().filter(r -> r.<Boolean>getAs("suppressed")).count()).isNotEqualTo(1);
        } finally {
            spark.stop();
        }
    }

    private static List<Object> key(org.apache.spark.sql.Row r, org.mentoringanalytics.contracts.TableContract t) {
        return t.primaryKey().stream().map(k -> (Object) r.getAs(k)).toList();
    }

    /** SHA-256 over every file's path and bytes under a folder. */
    private static String fingerprint(Path root) throws Exception {
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.walk(root)) {
            // Lock files hold no data: sql takes a shared lock on the generation it reads.
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !root.relativize(f).startsWith("_locks")).sorted().toList()) {
                digest.update(root.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
