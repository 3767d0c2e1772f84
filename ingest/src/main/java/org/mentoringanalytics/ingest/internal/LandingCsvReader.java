package org.mentoringanalytics.ingest.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mentoringanalytics.ingest.LandingSource;
import org.mentoringanalytics.ingest.exports.Exports;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads the files of one source that the run's {@link Plan} marks for reading, in plan order, as
 * {@link LandingRow}s keyed by header name, each with the line it starts on. Restart resumes after
 * the last committed row: the base class keeps the item count in the step's execution context,
 * and the plan fixes the files and their order. When the CSV breaks mid-file (an unclosed quote),
 * the reader emits one row carrying the parse error and moves on to the next file.
 */
public final class LandingCsvReader extends AbstractItemCountingItemStreamItemReader<LandingRow>
        implements StepExecutionListener {

    private final LandingSource source;
    private Path landing;
    private List<Plan.Entry> files;
    private int next;
    private Plan.Entry current;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private List<String> header;
    private final java.util.ArrayDeque<LandingRow> pending = new java.util.ArrayDeque<>();

    public LandingCsvReader(LandingSource source) {
        this.source = source;
        setName("landing-" + source.name());
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        landing = Path.of(stepExecution.getJobParameters().getString("landing"));
        Plan plan = Plan.parse(stepExecution.getJobExecution().getExecutionContext().getString(PlanTasklet.PLAN));
        files = plan.toRead(source.name());
    }

    @Override
    protected void doOpen() {
        next = 0;
        records = null;
        pending.clear();
    }

    @Override
    protected LandingRow doRead() throws IOException {
        while (true) {
            if (!pending.isEmpty()) {
                return pending.removeFirst();
            }
            if (parser != null) {
                // The lexer has consumed the previous record's line break: the next record starts on the next line.
                long line = parser.getCurrentLineNumber() + 1;
                try {
                    if (records.hasNext()) {
                        return row(records.next(), line);
                    }
                } catch (UncheckedIOException | IllegalStateException e) {
                    LandingRow broken = new LandingRow(current.index(), current.file(), line, Map.of(),
                            "the CSV cannot be parsed from this line on (" + e.getMessage() + "); the rest of the file is skipped");
                    closeParser();
                    return broken;
                }
                closeParser();
            }
            if (next >= files.size()) {
                return null;
            }
            current = files.get(next++);
            if (Exports.isExport(current.file())) {
                // An export's reader gives landing rows directly, each with the export line it comes from.
                for (Exports.Row row : Exports.rows(landing, landing.resolve(current.file()))) {
                    pending.add(new LandingRow(current.index(), current.file(), row.line(), row.values(), null));
                }
                continue;
            }
            Reader reader = LandingFiles.reader(landing.resolve(current.file()));
            parser = CSVParser.builder().setReader(reader).setFormat(LandingFiles.FORMAT).get();
            header = parser.getHeaderNames();
            records = parser.iterator();
        }
    }

    private LandingRow row(CSVRecord record, long line) {
        // A short (ragged) row simply lacks the trailing fields: they stay absent from the map.
        Map<String, String> values = new LinkedHashMap<>(header.size() * 2);
        int n = Math.min(record.size(), header.size());
        for (int i = 0; i < n; i++) {
            values.put(header.get(i), record.get(i));
        }
        return new LandingRow(current.index(), current.file(), line, values, null);
    }

    @Override
    protected void doClose() throws IOException {
        closeParser();
    }

    private void closeParser() throws IOException {
        if (parser != null) {
            parser.close();
            parser = null;
            records = null;
        }
    }
}
