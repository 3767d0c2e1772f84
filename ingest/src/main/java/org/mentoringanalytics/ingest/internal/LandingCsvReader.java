package org.mentoringanalytics.ingest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mentoringanalytics.ingest.LandingSource;
import org.mentoringanalytics.ingest.text.LandingText;
import org.mentoringanalytics.ingest.exports.Exports;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads the files of one partition of a source ({@link SourcePartitioner}) that the run's
 * {@link Plan} marks for reading, in plan order, as
 * {@link LandingRow}s keyed by header name, each with the line it starts on. Restart resumes after
 * the last committed row: the base class keeps the item count in the step's execution context,
 * and the plan fixes the files and their order. When the CSV breaks mid-file (an unclosed quote),
 * the reader emits one row carrying the parse error and moves on to the next file. Line numbers are
 * physical lines whatever the line ends (LF, CRLF, CR) and however many blank lines there are;
 * blank lines are skipped and counted per file ({@link #blankLinesKey}). No row longer than the limit
 * is held in memory ({@link BoundedRecordReader}).
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
    private FieldValues.Header fieldsByName;
    private final java.util.ArrayDeque<LandingRow> pending = new java.util.ArrayDeque<>();
    private final int maxRowChars;
    private BoundedRecordReader bounded;
    private int spanIndex;
    private final Map<Integer, Long> blankLines = new java.util.TreeMap<>();
    private StepExecution step;
    private java.nio.charset.Charset charset;
    /** The current file's undecodable bytes by line, scanned when its first such row is met. */
    private Map<Long, String> undecodable;

    public LandingCsvReader(LandingSource source) {
        this(source, DEFAULT_MAX_ROW_CHARS);
    }

    /** @param maxRowChars the longest row (all its fields and line breaks) read; a longer one is rejected */
    public LandingCsvReader(LandingSource source, int maxRowChars) {
        this.source = source;
        this.maxRowChars = maxRowChars;
        setName("landing-" + source.name());
    }

    /** Rows longer than this many characters are rejected as {@code too_long}: no export comes near it. */
    public static final int DEFAULT_MAX_ROW_CHARS = 1_000_000;

    /** Execution-context key of the blank lines skipped in a file, by its index in the plan. */
    public static String blankLinesKey(int fileIndex) {
        return "file.blank." + fileIndex;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        step = stepExecution;
        landing = IngestRunParameters.of(stepExecution.getJobParameters()).landing();
        List<Integer> partition = SourcePartitioner.files(stepExecution);
        files = SourcePartitioner.plan(stepExecution).toRead(source.name()).stream()
                .filter(file -> partition.contains(file.index())).toList();
    }

    @Override
    protected void doOpen() {
        next = 0;
        records = null;
        pending.clear();
        blankLines.clear();
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
                        CSVRecord record = records.next();
                        LandingRow row = row(record, line, parser.getCurrentLineNumber());
                        if (row != null) {
                            return row;
                        }
                        continue;
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
            charset = LandingFiles.charset(landing, source.folder());
            undecodable = null;
            bounded = new BoundedRecordReader(LandingFiles.rowReader(landing.resolve(current.file()), charset), maxRowChars);
            spanIndex = 0;
            // Blank lines are read as rows (and skipped here), so every line number stays the physical one.
            parser = CSVParser.builder().setReader(bounded).setFormat(LandingText.ROWS).get();
            header = parser.getHeaderNames();
            fieldsByName = new FieldValues.Header(header);
            records = parser.iterator();
        }
    }

    /**
     * The landing row of a record on lines {@code first..last}, or null for a blank line. A row whose
     * field count differs from the header's is rejected whole: taking its fields by position would
     * put values under the wrong columns.
     */
    private LandingRow row(CSVRecord record, long first, long last) {
        BoundedRecordReader.Span span = spanAt(first);
        if (span != null) {
            if (span.firstLine() != first) {
                return null;
            }
            return new LandingRow(current.index(), current.file(), first, Map.of(), "the row is longer than "
                    + String.format("%,d", bounded.limit()) + " characters (lines " + span.firstLine() + " to "
                    + span.lastLine() + "); it is skipped", org.mentoringanalytics.ingest.RejectReason.TOO_LONG);
        }
        if (record.size() == 1 && record.get(0).isBlank()) {
            blankLines.merge(current.index(), 1L, Long::sum);
            step.getExecutionContext().putLong(blankLinesKey(current.index()), blankLines.get(current.index()));
            return null;
        }
        String[] fields = record.values();
        Map<String, String> values;
        if (fields.length == header.size()) {
            values = new FieldValues(fieldsByName, fields);
        } else {
            values = new LinkedHashMap<>(fields.length * 2);
            for (int i = 0; i < fields.length; i++) {
                values.put(fieldName(i), fields[i]);
            }
        }
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].indexOf(LandingFiles.UNDECODABLE) >= 0) {
                return undecodableRow(values, fieldName(i), first, last);
            }
        }
        if (record.size() != header.size()) {
            String message = record.size() > header.size()
                    ? "the row has " + record.size() + " fields, the header " + header.size()
                    + ": a comma inside an unquoted value would shift every field after it; quote the value"
                    : "the row has " + record.size() + " fields, the header " + header.size()
                    + ": taken by position, the fields after a missing one would go under the wrong columns";
            return new LandingRow(current.index(), current.file(), first, values, message,
                    org.mentoringanalytics.ingest.RejectReason.FIELD_COUNT);
        }
        return new LandingRow(current.index(), current.file(), first, values, null);
    }

    /** The name of the field at a position: its header name, or its number past the header's end. */
    private String fieldName(int position) {
        return position < header.size() ? header.get(position) : "(field " + (position + 1) + ")";
    }

    /** A row with bytes that are not text: rejected on the field holding them, naming the byte and its offset. */
    private LandingRow undecodableRow(Map<String, String> values, String field, long first, long last) {
        if (undecodable == null) {
            try {
                undecodable = FileCheck.undecodable(landing.resolve(current.file()), charset);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String where = undecodable.entrySet().stream().filter(e -> e.getKey() >= first && e.getKey() <= last)
                .map(Map.Entry::getValue).findFirst().orElse("bytes that are not " + FileCheck.encodingName(charset));
        Map<String, String> shown = new LinkedHashMap<>();
        values.forEach((k, v) -> shown.put(k, v.replace(LandingFiles.UNDECODABLE, '\uFFFD')));
        return new LandingRow(current.index(), current.file(), first, shown, where + ": the row is skipped; save the file as "
                + "UTF-8 or set its folder's encoding in landing.properties",
                org.mentoringanalytics.ingest.RejectReason.BAD_ENCODING, field);
    }

    /** The too-long record covering this line, if any; spans come in line order. */
    private BoundedRecordReader.Span spanAt(long line) {
        List<BoundedRecordReader.Span> spans = bounded.tooLong();
        while (spanIndex < spans.size() && spans.get(spanIndex).lastLine() < line) {
            spanIndex++;
        }
        return spanIndex < spans.size() && spans.get(spanIndex).firstLine() <= line ? spans.get(spanIndex) : null;
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
