package org.mentoringanalytics.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.mentoringanalytics.ingest.LandingSource;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads every landing file of one source, in file-name order, as {@link LandingRow}s keyed by
 * header name. The landing root comes late, from the job parameter {@code landing}. Restart
 * resumes after the last committed row: the item count is kept in the step's execution context
 * by the base class, and the files are read in a stable order.
 */
public final class LandingCsvReader extends AbstractItemCountingItemStreamItemReader<LandingRow>
        implements StepExecutionListener {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).get();

    private final LandingSource source;
    private Path landing;
    private Iterator<Path> files;
    private Path currentFile;
    private CSVParser parser;
    private Iterator<CSVRecord> records;

    public LandingCsvReader(LandingSource source) {
        this.source = source;
        setName("landing-" + source.name());
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.landing = Path.of(stepExecution.getJobParameters().getString("landing"));
    }

    /** The files of the source, sorted; empty when the folder is missing. */
    public static List<Path> files(Path landing, LandingSource source) {
        Path folder = landing.resolve(source.folder());
        List<Path> result = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return result;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, source.filePattern())) {
            stream.forEach(p -> {
                if (Files.isRegularFile(p)) {
                    result.add(p);
                }
            });
        } catch (IOException e) {
            throw new ItemStreamException("cannot list " + folder, e);
        }
        result.sort(null);
        return result;
    }

    @Override
    protected void doOpen() {
        files = files(landing, source).iterator();
        records = null;
    }

    @Override
    protected LandingRow doRead() throws IOException {
        while (records == null || !records.hasNext()) {
            closeParser();
            if (!files.hasNext()) {
                return null;
            }
            openNext(files.next());
        }
        CSVRecord record = records.next();
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : record.toMap().entrySet()) {
            if (e.getValue() != null) {
                values.put(e.getKey(), e.getValue());
            }
        }
        // Header is line 1 and record numbers count data records from 1.
        return new LandingRow(landing.relativize(currentFile).toString(), record.getRecordNumber() + 1, values);
    }

    private void openNext(Path file) throws IOException {
        currentFile = file;
        InputStream in = BOMInputStream.builder().setInputStream(Files.newInputStream(file)).get();
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        records = parser.iterator();
    }

    @Override
    protected void doClose() throws IOException {
        closeParser();
    }

    private void closeParser() throws IOException {
        if (parser != null) {
            parser.close();
            parser = null;
        }
    }
}
