package org.mentoringanalytics.jobs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.mentoringanalytics.contracts.DamagedTable;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Tables;

/**
 * Staging to marts: engagement (per program, per match and month, roll-ups by program, program
 * type and department, health of live matches), participation and matching per quarter, who takes
 * part by gender, job level and ethnicity against the workforce, goals,
 * survey outcomes, SHRM turnover, 12-month retention of mentees against all non-participants (the
 * naive view), and the outcome analysis against matched comparison groups (survival, hazard
 * ratio, 12-month retention and promotion differences, covariate balance).
 * Reads staging tables by contract, runs the pure transforms, checks and publishes each table.
 * Runs on whatever {@link SparkSession} it is given (local or cluster).
 */
public final class MetricsJob {

    /** Comparison colleagues per participant. */
    public static final int CONTROLS_PER_PARTICIPANT = 3;

    private final MetricsJobConfig config;
    private java.util.function.BiConsumer<String, Long> published = (table, rows) -> { };
    private MetricsProfile profile;
    private Group current;

    public MetricsJob(MetricsJobConfig config) {
        this.config = config;
    }

    /**
     * The tables are computed in groups; a group lists the landing sources it reads, so a refresh
     * recomputes only the groups whose sources changed (or all of them when the as-of date or the
     * code changed) and carries the others over unchanged.
     */
    public enum Group {
        ENGAGEMENT(List.of("programs", "matches", "sessions", "employees"), Tables.MART_PROGRAM_ENGAGEMENT_MONTHLY,
                Tables.MART_MATCH_ENGAGEMENT_MONTHLY, Tables.MART_ENGAGEMENT_ROLLUP, Tables.MART_MATCH_HEALTH),
        PARTICIPATION(List.of("programs", "enrollments", "matches", "employees", "job_changes"),
                Tables.MART_PARTICIPATION_QUARTERLY, Tables.MART_PARTICIPATION_EQUITY),
        GOALS(List.of("programs", "matches", "goals"), Tables.MART_GOALS, Tables.MART_GOALS_QUARTERLY),
        SURVEYS(List.of("survey_responses", "survey_questions", "matches"), Tables.MART_SURVEY_RESULTS,
                Tables.MART_SURVEY_DISTRIBUTION, Tables.MART_SURVEY_CHANGE, Tables.MART_SURVEY_QUARTERLY),
        DATA_QUALITY(List.of("*"), Tables.MART_SOURCE_FRESHNESS, Tables.MART_INGEST_REJECTS, Tables.MART_SESSION_SOURCES),
        TURNOVER(List.of("employees", "enrollments", "matches"), Tables.MART_TURNOVER_MONTHLY),
        RETENTION(List.of("programs", "employees", "enrollments", "matches", "job_changes"), Tables.MART_RETENTION_12M,
                Tables.INT_OUTCOME_COHORT, Tables.MART_RETENTION_OUTCOME, Tables.MART_RETENTION_SURVIVAL,
                Tables.MART_RETENTION_AT_RISK, Tables.MART_MATCHING_BALANCE);

        private final List<String> sources;
        private final List<TableContract> tables;

        Group(List<String> sources, TableContract... tables) {
            this.sources = sources;
            this.tables = List.of(tables);
        }

        public List<String> sources() {
            return sources;
        }

        public List<TableContract> tables() {
            return tables;
        }
    }

    /**
     * What a run did.
     *
     * @param rows       rows per table computed in this run
     * @param recomputed groups computed
     * @param carried    groups taken over unchanged from the published generation
     */
    public record Outcome(Map<String, Long> rows, List<Group> recomputed, List<Group> carried) {
    }

    /** Computes and publishes every table; returns the row count per table. */
    public Map<String, Long> run(SparkSession spark) {
        return run(spark, false).rows();
    }

    /**
     * Computes the tables and publishes them together. With {@code incremental}, a group whose
     * sources, the as-of date and the code are unchanged since the published tables is carried over.
     */
    public Outcome run(SparkSession spark, boolean incremental) {
        TableIO io = new TableIO(spark, config.warehouse());
        // A staging part deleted, truncated or added by hand would change every figure without a word.
        for (TableContract table : Tables.all()) {
            if (table.layer() == org.mentoringanalytics.contracts.Layer.STAGING) {
                io.verify(table, DamagedTable.stagingRemedy(table));
            }
        }
        mark("check staging tables", -1);
        Generation generation = new Generation(io, config.warehouse());
        Properties published = generation.published();
        Properties metadata = new Properties();
        metadata.setProperty("as_of", config.asOf().toString());
        metadata.setProperty("code_version", codeVersion());
        try {
            org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(config.warehouse().root());
            metadata.setProperty(UpToDate.STAGING, UpToDate.fingerprint(
                    root.getFileSystem(spark.sparkContext().hadoopConfiguration()), config));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, String> fingerprints = SourceFingerprints.of(io.read(Tables.STG_INGEST_FILES));
        fingerprints.forEach((source, print) -> metadata.setProperty("source." + source, print));
        List<Group> recomputed = new ArrayList<>();
        List<Group> carried = new ArrayList<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        if (incremental && java.util.Arrays.stream(Group.values()).allMatch(g -> unchanged(g, published, metadata))) {
            // Nothing to do: the published tables stay exactly as they are.
            return new Outcome(counts, recomputed, List.of(Group.values()));
        }
        try {
            Inputs inputs = new Inputs(io);
            for (Group group : Group.values()) {
                if (incremental && unchanged(group, published, metadata) && carryOver(generation, group)) {
                    carried.add(group);
                    continue;
                }
                current = group;
                compute(group, inputs, generation, counts, spark);
                recomputed.add(group);
            }
            // The analysts' layer is rebuilt from this generation's marts, so it always matches them.
            for (TableContract mart : Tables.all()) {
                if (mart.layer() == org.mentoringanalytics.contracts.Layer.MARTS) {
                    generation.publish(SafeMarts.of(generation.pendingTable(mart), mart, config.minGroup()),
                            Tables.safe(mart));
                }
            }
            mark("safe layer (every mart)", -1);
            generation.commit(metadata);
            mark("commit and clean-up", -1);
        } catch (RuntimeException e) {
            generation.abort();
            throw e;
        }
        return new Outcome(counts, recomputed, carried);
    }

    private static boolean unchanged(Group group, Properties published, Properties now) {
        if (!now.getProperty("as_of").equals(published.getProperty("as_of"))
                || !now.getProperty("code_version").equals(published.getProperty("code_version"))) {
            return false;
        }
        for (String key : now.stringPropertyNames()) {
            if (key.startsWith("source.") && (group.sources().contains("*") || group.sources().contains(key.substring(7)))
                    && !now.getProperty(key).equals(published.getProperty(key))) {
                return false;
            }
        }
        return true;
    }

    /** Takes the group's published tables over; false (so it is recomputed) when one is missing or damaged. */
    private static boolean carryOver(Generation generation, Group group) {
        for (TableContract table : group.tables()) {
            if (!generation.intact(table)) {
                return false;
            }
        }
        for (TableContract table : group.tables()) {
            if (!generation.carryOver(table)) {
                return false;
            }
        }
        return true;
    }

    /** The code's fingerprint (jobs and contracts classes), so new code recomputes everything once. */
    public static String codeVersion() {
        return CODE_VERSION;
    }

    private static final String CODE_VERSION = CodeVersion.of(MetricsJob.class, Tables.class);

    /** Staging tables, read once per run when a group needs them. */
    private static final class Inputs {
        private final TableIO io;
        private final Map<TableContract, Dataset<Row>> cache = new LinkedHashMap<>();

        Inputs(TableIO io) {
            this.io = io;
        }

        Dataset<Row> get(TableContract table) {
            return cache.computeIfAbsent(table, t -> t == Tables.STG_MATCHES || t == Tables.STG_EMPLOYEES
                    ? io.read(t).cache() : io.read(t));
        }

        TableIO io() {
            return io;
        }
    }

    private void compute(Group group, Inputs in, Generation generation, Map<String, Long> counts, SparkSession spark) {
        LocalDate asOf = config.asOf();
        Dataset<Row> programs = in.get(Tables.STG_PROGRAMS);
        Dataset<Row> matches = in.get(Tables.STG_MATCHES);
        Dataset<Row> employees = in.get(Tables.STG_EMPLOYEES);
        switch (group) {
            case ENGAGEMENT -> {
                // A meeting both typed in by hand and found in a tool's export counts once.
                Dataset<Row> sessions = SessionSources.deduplicated(in.get(Tables.STG_SESSIONS)).cache();
                publish(generation, EngagementTransforms.programMonthly(programs, matches, sessions, asOf),
                        Tables.MART_PROGRAM_ENGAGEMENT_MONTHLY, counts);
                Dataset<Row> matchMonthly = EngagementDetail.matchMonthly(programs, matches, sessions, employees, asOf)
                        .localCheckpoint();
                publish(generation, matchMonthly, Tables.MART_MATCH_ENGAGEMENT_MONTHLY, counts);
                Dataset<Row> rollups = null;
                for (String dimension : List.of("program", "program_type", "department")) {
                    Dataset<Row> rollup = TableIO.conform(EngagementDetail.rollup(matchMonthly, matches, sessions, asOf,
                            dimension), Tables.MART_ENGAGEMENT_ROLLUP);
                    rollups = rollups == null ? rollup : rollups.union(rollup);
                }
                publish(generation, rollups, Tables.MART_ENGAGEMENT_ROLLUP, counts);
                publish(generation, EngagementDetail.health(programs, matches, sessions, asOf), Tables.MART_MATCH_HEALTH, counts);
            }
            case PARTICIPATION -> {
                Dataset<Row> enrollments = in.get(Tables.STG_ENROLLMENTS);
                publish(generation, ProgramTransforms.participationQuarterlyWithAll(programs, enrollments, matches,
                        employees, asOf), Tables.MART_PARTICIPATION_QUARTERLY, counts);
                publish(generation, EquityTransforms.equityRows(programs, enrollments, matches, employees,
                        in.get(Tables.STG_JOB_CHANGES), asOf), Tables.MART_PARTICIPATION_EQUITY, counts);
            }
            case GOALS -> {
                Dataset<Row> goals = in.get(Tables.STG_GOALS);
                publish(generation, ProgramTransforms.goals(programs, matches, goals, asOf), Tables.MART_GOALS, counts);
                publish(generation, ProgramTransforms.goalsQuarterly(programs, matches, goals, asOf),
                        Tables.MART_GOALS_QUARTERLY, counts);
            }
            case SURVEYS -> {
                SurveyResults.Marts surveys = SurveyResults.compute(in.get(Tables.STG_SURVEY_RESPONSES),
                        in.get(Tables.STG_SURVEY_QUESTIONS), matches);
                publish(generation, surveys.results(),
                        Tables.MART_SURVEY_RESULTS, counts);
                publish(generation, surveys.distribution(), Tables.MART_SURVEY_DISTRIBUTION, counts);
                publish(generation, surveys.change(),
                        Tables.MART_SURVEY_CHANGE, counts);
                publish(generation, surveys.quarterly(),
                        Tables.MART_SURVEY_QUARTERLY, counts);
            }
            case DATA_QUALITY -> {
                publish(generation, DataQualityTransforms.freshness(in.get(Tables.STG_INGEST_FILES), in::get, asOf),
                        Tables.MART_SOURCE_FRESHNESS, counts);
                publish(generation, DataQualityTransforms.rejects(in.get(Tables.STG_INGEST_REJECTS)),
                        Tables.MART_INGEST_REJECTS, counts);
                publish(generation, SessionSources.summary(in.get(Tables.STG_SESSIONS)), Tables.MART_SESSION_SOURCES, counts);
            }
            case TURNOVER -> publish(generation, TurnoverTransforms.monthly(employees, in.get(Tables.STG_ENROLLMENTS),
                    matches, asOf), Tables.MART_TURNOVER_MONTHLY, counts);
            case RETENTION -> retention(in, generation, counts, spark);
        }
    }

    private void retention(Inputs in, Generation generation, Map<String, Long> counts, SparkSession spark) {
        LocalDate asOf = config.asOf();
        Dataset<Row> programs = in.get(Tables.STG_PROGRAMS);
        Dataset<Row> matches = in.get(Tables.STG_MATCHES);
        Dataset<Row> employees = in.get(Tables.STG_EMPLOYEES);
        Dataset<Row> enrollments = in.get(Tables.STG_ENROLLMENTS);
        Dataset<Row> jobChanges = in.get(Tables.STG_JOB_CHANGES);
        publish(generation, RetentionTransforms.twelveMonth(programs, employees, enrollments, matches, asOf),
                Tables.MART_RETENTION_12M, counts);
        OutcomeAnalysis.Result result = OutcomeAnalysis.run(employees, jobChanges, programs, enrollments, matches, asOf);
        publish(generation, result.cohort(), Tables.INT_OUTCOME_COHORT, counts);
        publish(generation, result.outcomes(),
                Tables.MART_RETENTION_OUTCOME, counts);
        publish(generation, result.survival(),
                Tables.MART_RETENTION_SURVIVAL, counts);
        publish(generation, result.atRisk(),
                Tables.MART_RETENTION_AT_RISK, counts);
        publish(generation, result.balance(),
                Tables.MART_MATCHING_BALANCE, counts);
    }

    private void publish(Generation generation, List<Row> data, TableContract table, Map<String, Long> counts) {
        record(table, generation.publish(data, table), counts);
    }

    private void publish(Generation generation, Dataset<Row> data, TableContract table, Map<String, Long> counts) {
        record(table, generation.publish(data, table), counts);
    }

    private void record(TableContract table, long rows, Map<String, Long> counts) {
        counts.put(table.name(), rows);
        published.accept(table.name(), rows);
        mark((current == null ? "" : current.name().toLowerCase(java.util.Locale.ROOT) + " / ") + table.name(), rows);
    }

    private void mark(String step, long rows) {
        if (profile != null) {
            profile.mark(step, rows);
        }
    }

    /** Records each step's time, Spark work and heap in the profile (see {@link MetricsProfile}). */
    public MetricsJob profiled(MetricsProfile profile) {
        this.profile = profile;
        return this;
    }

    /** Told each table's name and rows as soon as it is written, for progress display. */
    public MetricsJob onPublished(java.util.function.BiConsumer<String, Long> listener) {
        this.published = listener;
        return this;
    }
}
