package org.mentoringanalytics.reports;


import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Data quality: rows read, loaded and rejected per landing source with the freshness of each
 * (mart_source_freshness), and rejected rows by field and reason (mart_ingest_rejects). Counts
 * of rows, not of people, so nothing here is suppressed.
 */
final class DataQualitySection {

    /** Fields that name a person: a reference to an unknown one is an unmatched identifier. */
    static final Set<String> PERSON_FIELDS = Set.of("employee_id", "mentor_id", "mentee_id", "logged_by", "manager_id",
            "employee_key", "mentor_key", "mentee_key", "logged_by_key", "manager_key");

    /** One row of mart_source_freshness, by column name. */
    record FreshnessRow(String source, long filesLoaded, long filesRejected, long rowsRead, long rowsRejected,
                        Instant lastLoadedAt, LocalDate latestRecordDate, Integer daysBehind, long filesRemoved,
                        long rowsRetired) {
    }

    /** One row of mart_ingest_rejects, by column name. */
    record RejectRow(String source, String field, String reason, long rows, long files) {
    }

    /** One row of mart_session_sources, by column name. */
    record OriginRow(String source, long sessions, long mergedDuplicates) {
    }

    private final List<FreshnessRow> freshness;
    private final List<RejectRow> rejects;
    private final List<OriginRow> sessionSources;
    private final LocalDate asOf;

    DataQualitySection(ReportMarts marts, LocalDate asOf) {
        this.freshness = marts.freshness();
        this.rejects = marts.rejects();
        this.sessionSources = marts.sessionSources();
        this.asOf = asOf;
    }

    long unmatchedIdentifiers() {
        return rejects.stream().filter(r -> r.reason().equals("unknown_reference") && PERSON_FIELDS.contains(r.field()))
                .mapToLong(r -> r.rows()).sum();
    }

    Section build() {
        long read = freshness.stream().mapToLong(r -> r.rowsRead()).sum();
        long rejected = freshness.stream().mapToLong(r -> r.rowsRejected()).sum();
        long filesRejected = freshness.stream().mapToLong(r -> r.filesRejected()).sum();
        Section section = new Section("Data quality");
        section.text("Every landing row is checked before it is used. Rejected rows are kept aside with their file, line, "
                + "field and reason for the data team; they are left out of every figure in this report. "
                + Formats.count(read) + " rows read, " + Formats.count(rejected) + " rejected ("
                + Formats.percent(read == 0 ? null : rejected / (double) read) + "); " + filesRejected
                + " file(s) rejected whole; " + Formats.count(unmatchedIdentifiers())
                + " row(s) named a person who is not in the HR data (unmatched identifiers).");
        long removed = freshness.stream().mapToLong(r -> r.filesRemoved()).sum();
        long retired = freshness.stream().mapToLong(r -> r.rowsRetired()).sum();
        section.text("HR, program, enrolment, match, goal and question files are snapshots: each new version is the whole truth, "
                + "and rows it no longer holds are retired (" + Formats.count(retired) + " so far). Session, survey answer "
                + "and job change files are logs: a file removed after loading keeps its rows (" + Formats.count(removed)
                + " file(s) removed so far).");
        section.table(sources());
        section.table(reasons());
        long merged = sessionSources.stream().mapToLong(r -> r.mergedDuplicates()).sum();
        section.text("Sessions come from hand-logged files and from Zoom, Teams and Slack exports. " + Formats.count(merged)
                + " hand-logged session(s) were the same meeting or chat day as an exported one (same match, start within "
                + "30 minutes, or the same day for chat) and were counted once, from the export.");
        section.table(origins());
        return section;
    }

    Table sources() {
        List<List<?>> rows = new ArrayList<>();
        freshness.stream().sorted(Comparator.comparing(r -> r.source())).forEach(r -> {
            LocalDate latest = r.latestRecordDate();
            rows.add(List.of(r.source().replace('_', ' '), Cells.count(r.filesLoaded()),
                    Cells.count(r.filesRejected()), Cells.count(r.rowsRead()),
                    Cells.count(r.rowsRejected()), loadedOn(r.lastLoadedAt()),
                    latest == null ? "n/a" : latest.toString(),
                    r.daysBehind() == null ? "n/a" : r.daysBehind().toString(), Cells.count(r.filesRemoved()),
                    Cells.count(r.rowsRetired())));
        });
        // The PDF shows the first eight columns (the text above gives the removals); the CSV has all ten.
        return new Table("data-sources", "Landing sources: rows and freshness against the as-of date " + asOf,
                List.of("source", "files loaded", "files rejected", "rows read", "rows rejected", "last loaded",
                        "latest record", "days behind", "files removed", "rows retired"), rows).pdfShows(8);
    }

    private static String loadedOn(Object value) {
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        }
        if (value instanceof Long micros) {
            return Instant.ofEpochSecond(0, micros * 1000).atOffset(ZoneOffset.UTC).toLocalDate().toString();
        }
        return value == null ? "n/a" : value.toString();
    }

    Table origins() {
        List<List<?>> rows = new ArrayList<>();
        sessionSources.stream().sorted(Comparator.comparing(r -> r.source()))
                .forEach(r -> rows.add(List.of(r.source(), Cells.count(r.sessions()),
                        Cells.count(r.mergedDuplicates()))));
        return new Table("session-sources", "Sessions by origin, after merging duplicates",
                List.of("origin", "sessions", "hand-logged duplicates merged"), rows);
    }

    Table reasons() {
        List<List<?>> rows = new ArrayList<>();
        rejects.stream().sorted(Comparator.comparing((RejectRow r) -> r.source())
                        .thenComparing(r -> r.field()).thenComparing(r -> r.reason()))
                .forEach(r -> rows.add(List.of(r.source().replace('_', ' '), r.field(),
                        r.reason().replace('_', ' '), Cells.count(r.rows()), Cells.count(r.files()))));
        if (rows.isEmpty()) {
            rows.add(List.of("none", "", "", "0", "0"));
        }
        return new Table("data-rejects", "Rejected rows by source, field and reason, all ingest runs",
                List.of("source", "field", "reason", "rows", "files"), rows);
    }
}
