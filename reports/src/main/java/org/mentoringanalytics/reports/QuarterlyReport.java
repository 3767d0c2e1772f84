package org.mentoringanalytics.reports;

import com.lowagie.text.Chapter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jfree.chart.ChartUtils;
import org.mentoringanalytics.contracts.Tables;

/**
 * The quarterly report for HR leadership: reads the marts, computes the quarter's figures, and
 * writes the PDF plus, beside it, a PNG of every chart and a CSV of every chart's data and every
 * table. Small groups are suppressed in all of them alike. The files appear together, complete,
 * with their checksums ({@link ReportFiles}).
 */
public final class QuarterlyReport {

    private final ReportTheme theme;

    public QuarterlyReport(ReportTheme theme) {
        this.theme = theme;
    }

    public ReportOutput write(ReportRequest request) throws IOException {
        Quarter quarter = request.effectiveQuarter();
        int k = request.threshold();
        ReportMarts marts = ReportMarts.read(new MartReader(request.warehouse()));
        List<Quarter> withData = QuarterlyFigures.quartersWithData(marts.engagement());
        if (!withData.contains(quarter)) {
            throw new NoDataForQuarter(quarter, withData);
        }
        // Every cell's fate is settled here, before any section exists.
        Disclosure disclosure = Disclosure.decide(marts, quarter, k);
        QuarterlyFigures figures = QuarterlyFigures.compute(marts, quarter, disclosure);

        ParticipationSection participation = new ParticipationSection(marts.participation(), quarter, disclosure);
        EquitySection equity = new EquitySection(marts.equity(), quarter, disclosure);
        EngagementSection engagement = new EngagementSection(figures, marts, disclosure);
        GoalsSection goals = new GoalsSection(marts.goalsQuarterly(), marts.goals(), quarter, disclosure);
        SurveySection surveys = new SurveySection(marts, quarter, disclosure);
        RetentionSection retention = new RetentionSection(figures, marts.atRisk(), disclosure);
        DataQualitySection quality = new DataQualitySection(marts, request.asOf());

        List<Kpis.Tile> tiles = List.of(participation.tile(), activeRateTile(figures), sessionsTile(figures), surveys.tile(),
                retention.tile(), goals.tile());
        List<WhereItWorks.Group> groups = WhereItWorks.of(figures);
        Summary words = new Summary(groups, request.costPerExit(), request.currency());
        Section summary = new Section("Executive summary");
        summary.lead(words.headline());
        summary.tiles(tiles, Kpis.table(tiles, quarter));
        summary.heading("Where mentoring works");
        for (String finding : words.findings()) {
            summary.text("\u2022 " + finding);
        }
        words.value().ifPresent(summary::text);
        summary.chart(ForestChart.of(groups, ForestChart.Measure.RETENTION, theme), ForestChart.height(groups));
        summary.chart(ForestChart.of(groups, ForestChart.Measure.PROMOTION, theme), ForestChart.height(groups));
        summary.note("Dots are estimates, lines their 95% intervals; a line crossing zero means no clear difference. "
                + "A group is called working only when it holds up after allowing for the number of groups compared. "
                + "Values from fewer than " + k + " people are suppressed, and so is one more group wherever the hidden "
                + "value could otherwise be worked out from a total.");
        Section methodology = new Section("Methodology");
        for (String[] entry : Methodology.entries(k)) {
            methodology.heading(entry[0]).text(entry[1]);
        }
        Section participationChapter = participation.build(theme);
        equity.appendTo(participationChapter, theme);
        List<Section> sections = List.of(summary, participationChapter, engagement.build(theme), goals.build(theme),
                surveys.build(theme), retention.build(theme), methodology, quality.build());

        List<String> cover = List.of(
                "Programs: " + String.join(", ", marts.participation().stream()
                        .filter(r -> !Disclosure.ALL.equals(r.programId()))
                        .map(ParticipationSection.ParticipationRow::programName).distinct().sorted().toList()),
                "Quarter: " + quarter.start() + " to " + quarter.end(),
                "Data as of: " + request.asOf(),
                "Generated at: " + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                        request.generatedAt().atOffset(ZoneOffset.UTC).withNano(0)) + " UTC",
                "Values from fewer than " + k + " people are suppressed.");
        ReportFiles target = ReportFiles.begin(request.outputDir(), quarter);
        Path folder = target.folder();
        Path pdf = target.pdf();
        List<Path> files = new ArrayList<>();
        files.add(pdf);
        try (OutputStream out = Files.newOutputStream(pdf);
             PdfDocument doc = new PdfDocument(out, theme, "Mentoring programs " + quarter)) {
            doc.cover("Mentoring programs", "Quarterly report " + quarter, cover);
            for (Section section : sections) {
                render(doc, section, quarter);
            }
        }

        List<List<String>> dictionary = new ArrayList<>();
        for (Section section : sections) {
            for (Section.Block block : section.blocks()) {
                if (block instanceof Section.TableBlock t) {
                    files.add(writeCsv(folder, t.table(), quarter, dictionary));
                } else if (block instanceof Section.TilesBlock t) {
                    files.add(writeCsv(folder, t.data(), quarter, dictionary));
                } else if (block instanceof Section.ChartBlock c) {
                    Path png = folder.resolve(c.name() + "-" + quarter + ".png");
                    ChartUtils.saveChartAsPNG(png.toFile(), c.chart(), 1000, (int) (c.height() * 2.2));
                    files.add(png);
                    files.add(writeCsv(folder, c.data(), quarter, dictionary));
                }
            }
        }
        files.add(writeDictionary(folder, dictionary));
        ReportWorkbook.write(target.workbook(), ReportWorkbook.entries(sections, quarter), dictionary,
                "Mentoring programs: quarterly report " + quarter, List.of("Quarter: " + quarter.start() + " to " + quarter.end(),
                        "Data as of: " + request.asOf(), "Values from fewer than " + k + " people are suppressed.",
                        "Each sheet holds the CSV of the same name in the " + quarter + " folder; Dictionary gives every "
                                + "column's unit and meaning."));
        files.add(target.workbook());
        HtmlReport.write(target.html(), "Mentoring programs", "Quarterly report " + quarter, cover, sections, quarter, theme);
        files.add(target.html());
        List<Path> published = target.publish(files);
        List<String> summaryText = new ArrayList<>();
        summaryText.add(words.headline());
        summaryText.addAll(words.findings());
        return new ReportOutput(published.get(0), request.outputDir().resolve(quarter.toString()), quarter, published,
                List.copyOf(summaryText));
    }

    /**
     * Draws a section's blocks. A heading stays on one page with its first paragraph, or with the notes
     * after it and the first table or chart it heads; a chart marked to keep with the next block stays with it.
     */
    private static void render(PdfDocument doc, Section section, Quarter quarter) {
        Chapter chapter = doc.chapter(section.title());
        boolean grouping = false;
        for (Section.Block block : section.blocks()) {
            if (!grouping && (block instanceof Section.Heading
                    || block instanceof Section.ChartBlock c && c.keepWithNext())) {
                doc.beginGroup();
                grouping = true;
            }
            if (block instanceof Section.Lead l) {
                doc.lead(chapter, l.text());
            } else if (block instanceof Section.Text t) {
                doc.paragraph(chapter, t.text());
            } else if (block instanceof Section.Note n) {
                doc.note(chapter, n.text());
            } else if (block instanceof Section.Heading h) {
                doc.subheading(chapter, h.text());
            } else if (block instanceof Section.TableBlock t) {
                doc.table(chapter, t.table());
            } else if (block instanceof Section.ChartBlock c) {
                doc.chart(chapter, c.chart(), c.height());
            } else if (block instanceof Section.TilesBlock t) {
                doc.tiles(chapter, t.tiles(), quarter);
            }
            boolean ends = block instanceof Section.TableBlock || block instanceof Section.TilesBlock
                    || block instanceof Section.Text || block instanceof Section.ChartBlock c && !c.keepWithNext();
            if (grouping && ends) {
                doc.endGroup(chapter);
                grouping = false;
            }
        }
        if (grouping) {
            doc.endGroup(chapter);
        }
        doc.add(chapter);
    }

    private static Kpis.Tile activeRateTile(QuarterlyFigures f) {
        QuarterlyFigures.Totals now = f.totals();
        QuarterlyFigures.Totals before = f.previousTotals();
        return new Kpis.Tile("Active match rate", Kpis.Unit.PERCENT, now.activeRate(), null, null,
                before.activeRate(), Formats.count(now.activeAtEnd()) + " of " + Formats.count(now.liveAtEnd())
                + " live matches met in the quarter's last month", now.activeRate() == null ? "no live matches" : null,
                Change.shares(now.activeAtEnd(), now.liveAtEnd(), before.activeAtEnd(), before.liveAtEnd()));
    }

    private static Kpis.Tile sessionsTile(QuarterlyFigures f) {
        QuarterlyFigures.Totals now = f.totals();
        QuarterlyFigures.Totals before = f.previousTotals();
        return new Kpis.Tile("Sessions per active match per month", Kpis.Unit.DECIMAL, now.sessionsPerActiveMatchMonth(),
                null, null, before.sessionsPerActiveMatchMonth(),
                Formats.count(now.sessions()) + " sessions in the quarter", now.sessionsPerActiveMatchMonth() == null ? "no sessions" : null,
                Change.rates(now.sessions(), now.activeMatchMonths(), before.sessions(), before.activeMatchMonths()));
    }

    /** Writes a table as {@code <name>-<quarter>.csv} and adds its columns to the dictionary. */
    private static Path writeCsv(Path folder, Table table, Quarter quarter, List<List<String>> dictionary)
            throws IOException {
        Path file = folder.resolve(table.name() + "-" + quarter + ".csv");
        dictionary.addAll(table.dictionary(file.getFileName().toString()));
        write(file, table.csvHeaders(), table.csvRows());
        return file;
    }

    /** dictionary.csv: every CSV's columns with their unit and meaning. */
    private static Path writeDictionary(Path folder, List<List<String>> dictionary) throws IOException {
        Path file = folder.resolve("dictionary.csv");
        write(file, List.of("file", "column", "unit", "meaning"), dictionary);
        return file;
    }

    private static void write(Path file, List<String> headers, List<List<String>> rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
                     .setHeader(headers.toArray(String[]::new)).get())) {
            for (List<String> row : rows) {
                // Program and department names come from HR systems: no cell may run as a formula.
                printer.printRecord(row.stream().map(org.mentoringanalytics.contracts.SpreadsheetSafe::cell).toList());
            }
        }
    }
}
