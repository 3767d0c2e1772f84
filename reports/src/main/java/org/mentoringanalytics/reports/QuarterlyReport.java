package org.mentoringanalytics.reports;

import com.lowagie.text.Chapter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jfree.chart.ChartUtils;
import org.mentoringanalytics.contracts.Tables;

/**
 * The quarterly report for HR leadership: reads the marts, computes the quarter's figures, and
 * writes the PDF plus, beside it, a PNG of every chart and a CSV of every chart's data and every
 * table. Small groups are suppressed in all of them alike.
 */
public final class QuarterlyReport {

    private final ReportTheme theme;

    public QuarterlyReport(ReportTheme theme) {
        this.theme = theme;
    }

    public ReportOutput write(ReportRequest request) throws IOException {
        Quarter quarter = request.effectiveQuarter();
        MartReader marts = new MartReader(request.warehouse());
        QuarterlyFigures figures = QuarterlyFigures.compute(marts.read(Tables.MART_PROGRAM_ENGAGEMENT_MONTHLY),
                marts.read(Tables.MART_RETENTION_12M), quarter, request.threshold())
                .withOutcomes(marts.read(Tables.MART_RETENTION_OUTCOME), marts.read(Tables.MART_RETENTION_SURVIVAL));

        Path folder = request.outputDir().resolve(quarter.toString());
        Files.createDirectories(folder);
        Path pdf = request.outputDir().resolve("mentoring-" + quarter + ".pdf");
        List<Path> files = new ArrayList<>();
        files.add(pdf);

        Table kpis = ReportTables.kpis(figures);
        Table programs = ReportTables.programs(figures);
        Table retention = ReportTables.retention(figures);
        Table outcomes = ReportTables.outcomes(figures);
        List<Charts.Chart> charts = List.of(Charts.activeMatchesTrend(figures, theme),
                Charts.sessionsPerActiveMatch(figures, theme), Charts.retention(figures, theme),
                Charts.survival(figures, theme));

        Path temporary = pdf.resolveSibling("." + pdf.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary);
             PdfDocument doc = new PdfDocument(out, theme, "Mentoring programs " + quarter)) {
            doc.cover("Mentoring programs", "Quarterly report " + quarter, List.of(
                    "Programs: " + String.join(", ", figures.programs().stream().map(QuarterlyFigures.ProgramQuarter::programName).toList()),
                    "Quarter: " + quarter.start() + " to " + quarter.end(),
                    "Data as of: " + request.asOf(),
                    "Generated at: " + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                            request.generatedAt().atOffset(ZoneOffset.UTC).withNano(0)) + " UTC",
                    "Values from fewer than " + request.threshold() + " people are suppressed."));

            Chapter summary = doc.chapter("Summary");
            doc.table(summary, kpis);
            doc.subheading(summary, "Findings");
            for (String finding : Findings.of(figures)) {
                doc.paragraph(summary, "\u2022 " + finding);
            }
            doc.add(summary);

            Chapter engagement = doc.chapter("Engagement");
            doc.chart(engagement, charts.get(0).chart(), 250);
            doc.chart(engagement, charts.get(1).chart(), 200);
            doc.table(engagement, programs);
            doc.add(engagement);

            Chapter retentionChapter = doc.chapter("Retention");
            doc.paragraph(retentionChapter, "Each mentee and mentor is compared with up to three colleagues of the same "
                    + "department, job level and tenure band who were employed, and not yet taking part, on the "
                    + "participant's first match date. Hazard ratios below 1 mean fewer voluntary exits.");
            doc.chart(retentionChapter, charts.get(3).chart(), 250);
            doc.table(retentionChapter, outcomes);
            doc.subheading(retentionChapter, "Plain comparison with all non-participants");
            doc.note(retentionChapter, "Shown for reference only: volunteers differ from non-participants, so this "
                    + "view mixes the effect of mentoring with who volunteers.");
            doc.chart(retentionChapter, charts.get(2).chart(), 230);
            doc.table(retentionChapter, retention);
            doc.add(retentionChapter);

            Chapter methodology = doc.chapter("Methodology");
            for (String[] entry : Methodology.entries(request.threshold())) {
                doc.subheading(methodology, entry[0]);
                doc.paragraph(methodology, entry[1]);
            }
            doc.add(methodology);
        }
        Files.move(temporary, pdf, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        for (Table table : List.of(kpis, programs, retention, outcomes)) {
            files.add(writeCsv(folder, table));
        }
        for (Charts.Chart chart : charts) {
            Path png = folder.resolve(chart.name() + ".png");
            ChartUtils.saveChartAsPNG(png.toFile(), chart.chart(), 1000, 560);
            files.add(png);
            files.add(writeCsv(folder, chart.data()));
        }
        return new ReportOutput(pdf, folder, quarter, files);
    }

    private static Path writeCsv(Path folder, Table table) throws IOException {
        Path file = folder.resolve(table.name() + ".csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
                     .setHeader(table.headers().toArray(String[]::new)).get())) {
            for (List<String> row : table.rows()) {
                printer.printRecord(row);
            }
        }
        return file;
    }
}
