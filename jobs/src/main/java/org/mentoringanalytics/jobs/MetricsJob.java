package org.mentoringanalytics.jobs;

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
import org.mentoringanalytics.contracts.Warehouse;
import org.mentoringanalytics.jobs.dataquality.DataQualityGroup;
import org.mentoringanalytics.jobs.engagement.EngagementGroup;
import org.mentoringanalytics.jobs.goals.GoalsGroup;
import org.mentoringanalytics.jobs.participation.ParticipationGroup;
import org.mentoringanalytics.jobs.retention.RetentionGroup;
import org.mentoringanalytics.jobs.surveys.SurveysGroup;
import org.mentoringanalytics.jobs.turnover.TurnoverGroup;

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

    /** The groups that take longest on any warehouse: the outcome analysis and the engagement marts. */
    private static final List<Group> LONGEST = List.of(Group.ENGAGEMENT, Group.RETENTION);

    /** Comparison colleagues per participant. */
    public static final int CONTROLS_PER_PARTICIPANT = 3;

    private final MetricsJobConfig config;
    private java.util.function.BiConsumer<String, Long> published = (table, rows) -> { };
    private MetricsProfile profile;
    private final ThreadLocal<Group> current = new ThreadLocal<>();
    private final java.util.Set<TableContract> madeSafe = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private int groupsAtOnce = 1;

    public MetricsJob(MetricsJobConfig config) {
        this.config = config;
    }

    /**
     * The tables are computed in groups; a group lists the landing sources it reads, so a refresh
     * recomputes only the groups whose sources changed (or all of them when the as-of date or the
     * code changed) and carries the others over unchanged.
     */
    public enum Group {
        ENGAGEMENT(new EngagementGroup()),
        PARTICIPATION(new ParticipationGroup()),
        GOALS(new GoalsGroup()),
        SURVEYS(new SurveysGroup()),
        DATA_QUALITY(new DataQualityGroup()),
        TURNOVER(new TurnoverGroup()),
        RETENTION(new RetentionGroup());

        private final TableGroup tables;

        Group(TableGroup tables) {
            this.tables = tables;
        }

        public List<String> sources() {
            return tables.sources();
        }

        public List<TableContract> tables() {
            return tables.tables();
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
        madeSafe.clear();
        // Pinned once: every published table this run reads or carries over comes from one generation.
        Warehouse warehouse = PublishedTables.pin(config.warehouse(), spark.sparkContext().hadoopConfiguration());
        TableIO io = new TableIO(spark, warehouse);
        // A staging part deleted, truncated or added by hand would change every figure without a word.
        for (TableContract table : Tables.all()) {
            if (table.layer() == org.mentoringanalytics.contracts.Layer.STAGING) {
                io.verify(table, DamagedTable.stagingRemedy(table));
            }
        }
        mark("check staging tables", -1);
        Generation generation = new Generation(io, warehouse);
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
        Map<String, Long> counts = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        if (incremental && java.util.Arrays.stream(Group.values()).allMatch(g -> unchanged(g, published, metadata))) {
            // Nothing to do: the published tables stay exactly as they are.
            return new Outcome(counts, recomputed, List.of(Group.values()));
        }
        try {
            GroupRun inputs = new GroupRun(io, config.asOf(),
                    (table, data) -> publish(generation, data, table, counts),
                    (table, rows) -> publish(generation, rows, table, counts));
            for (Group group : Group.values()) {
                if (incremental && unchanged(group, published, metadata) && carryOver(generation, group)) {
                    carried.add(group);
                } else {
                    recomputed.add(group);
                }
            }
            compute(spark, recomputed, inputs);
            // The analysts' layer is rebuilt from this generation's marts, so it always matches them: a mart
            // computed now got its safe version as it was written, a carried-over one gets it here.
            for (TableContract mart : Tables.all()) {
                if (mart.layer() == org.mentoringanalytics.contracts.Layer.MARTS && !madeSafe.contains(mart)) {
                    generation.publish(SafeMarts.of(generation.pendingTable(mart), mart, config.minGroup()),
                            Tables.safe(mart));
                }
            }
            mark("safe layer (carried-over marts)", -1);
            generation.commit(metadata);
            mark("commit and clean-up", -1);
        } catch (RuntimeException e) {
            generation.abort();
            throw e;
        }
        return new Outcome(counts, recomputed, carried);
    }

    /**
     * Computes the groups, {@link #groupsAtOnce} at a time: on a small warehouse most of a query's
     * time is the driver planning and scheduling it, which another group's tasks can use the cores
     * meanwhile.
     */
    private void compute(SparkSession spark, List<Group> groups, GroupRun inputs) {
        List<Runnable> work = new ArrayList<>();
        for (Group group : startOrder(groups, groupsAtOnce)) {
            work.add(() -> {
                current.set(group);
                group.tables.compute(inputs);
            });
        }
        runAll(spark, work, groupsAtOnce);
    }

    /**
     * The order the groups start in: as given when one runs at a time; with several at once, the
     * {@link #LONGEST} first, so the short ones run beside them instead of a long one running alone
     * at the end (on the sample, metrics in a median 32.7 s instead of 36.2 s over 7 runs each).
     */
    static List<Group> startOrder(List<Group> groups, int atOnce) {
        List<Group> order = new ArrayList<>(groups);
        if (atOnce > 1) {
            order.sort(java.util.Comparator.comparing(group -> !LONGEST.contains(group)));
        }
        return order;
    }

    /**
     * Runs the work, {@code atOnce} at a time (in order on the calling thread for 1). The first
     * failure cancels the session's Spark jobs and is rethrown only once every piece has stopped, so
     * nothing still writes into a generation its caller then aborts.
     */
    static void runAll(SparkSession spark, List<Runnable> work, int atOnce) {
        if (atOnce <= 1 || work.size() <= 1) {
            work.forEach(Runnable::run);
            return;
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(atOnce, r -> {
            Thread thread = new Thread(r, "metrics-group");
            thread.setDaemon(true);
            return thread;
        });
        try {
            // Taken in the order they finish, so the first failure is seen while the others still run.
            java.util.concurrent.CompletionService<Void> done = new java.util.concurrent.ExecutorCompletionService<>(pool);
            List<java.util.concurrent.Future<Void>> running = new ArrayList<>();
            for (Runnable piece : work) {
                running.add(done.submit(piece, null));
            }
            for (int i = 0; i < running.size(); i++) {
                try {
                    done.take().get();
                } catch (java.util.concurrent.ExecutionException e) {
                    running.forEach(f -> f.cancel(true));
                    spark.sparkContext().cancelAllJobs();
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while computing the marts", e);
                }
            }
        } finally {
            pool.shutdownNow();
            try {
                if (!pool.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES)) {
                    throw new IllegalStateException("a metrics group did not stop within 2 minutes of a failure");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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

    private void publish(Generation generation, List<Row> data, TableContract table, Map<String, Long> counts) {
        published(generation, table, generation.publish(data, table), counts);
    }

    private void publish(Generation generation, Dataset<Row> data, TableContract table, Map<String, Long> counts) {
        published(generation, table, generation.publish(data, table), counts);
    }

    /** Records the table and, for a mart, writes its safe version from the rows in hand (read back when too large). */
    private void published(Generation generation, TableContract table, TableIO.Written written, Map<String, Long> counts) {
        if (table.layer() == org.mentoringanalytics.contracts.Layer.MARTS) {
            List<Row> safe = written.rowsOnDriver() != null
                    ? SafeMarts.of(written.rowsOnDriver(), table, config.minGroup())
                    : SafeMarts.of(generation.pendingTable(table), table, config.minGroup());
            generation.publish(safe, Tables.safe(table));
            madeSafe.add(table);
        }
        record(table, written.rows(), counts);
    }

    private void record(TableContract table, long rows, Map<String, Long> counts) {
        counts.put(table.name(), rows);
        published.accept(table.name(), rows);
        Group group = current.get();
        mark((group == null ? "" : group.name().toLowerCase(java.util.Locale.ROOT) + " / ") + table.name(), rows);
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

    /**
     * Computes up to {@code n} groups at once (default 1). A profile's per-step figures are only
     * meaningful with 1, as steps of different groups would overlap.
     */
    public MetricsJob groupsAtOnce(int n) {
        this.groupsAtOnce = Math.max(1, n);
        return this;
    }

    /** Told each table's name and rows as soon as it is written, for progress display (from any group's thread). */
    public MetricsJob onPublished(java.util.function.BiConsumer<String, Long> listener) {
        this.published = listener;
        return this;
    }
}
