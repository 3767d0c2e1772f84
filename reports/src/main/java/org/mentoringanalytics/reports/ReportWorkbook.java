package org.mentoringanalytics.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The report's tables as one Excel workbook ({@code mentoring-<quarter>.xlsx}, Apache POI): a
 * contents sheet, then one sheet per table and chart in report order, then the dictionary of
 * columns. A sheet holds exactly its CSV: the same columns (an interval as value, lower, upper),
 * numbers as typed numeric cells with a number format by kind (counts, fractions as percent,
 * ratios), a frozen header with filters. A suppressed cell reads "suppressed" on a grey fill;
 * every text cell is stored as text and quote-prefixed when it begins like a formula, so no cell
 * can run as one.
 */
final class ReportWorkbook implements AutoCloseable {

    /** A table of the report with the chapter it is in and the CSV it is written to. */
    record Entry(String chapter, Table table, String csvFile) {
    }

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CreationHelper helper = workbook.getCreationHelper();
    private final Map<Cell.Kind, CellStyle> styles = new EnumMap<>(Cell.Kind.class);
    private final CellStyle header;
    private final CellStyle text;
    private final CellStyle formulaLike;
    private final CellStyle suppressed;
    /** Each table's sheet name. */
    private final Map<Entry, String> names = new java.util.IdentityHashMap<>();

    private ReportWorkbook() {
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setWrapText(true);
        text = workbook.createCellStyle();
        formulaLike = workbook.createCellStyle();
        formulaLike.setQuotePrefixed(true);
        suppressed = workbook.createCellStyle();
        suppressed.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        suppressed.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        Font italic = workbook.createFont();
        italic.setItalic(true);
        suppressed.setFont(italic);
        format(Cell.Kind.COUNT, "#,##0");
        format(Cell.Kind.SHARE, "0.0%");
        format(Cell.Kind.DIFFERENCE, "+0.0%;-0.0%;0.0%");
        format(Cell.Kind.DECIMAL, "0.00");
        format(Cell.Kind.RATIO, "0.00");
        format(Cell.Kind.SCORE, "0.00");
        format(Cell.Kind.DAYS, "0");
        format(Cell.Kind.P, "0.000");
        format(Cell.Kind.DATE, "yyyy-mm-dd");
        format(Cell.Kind.MONEY, "#,##0");
    }

    private void format(Cell.Kind kind, String pattern) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(helper.createDataFormat().getFormat(pattern));
        styles.put(kind, style);
    }

    /**
     * Writes the workbook.
     *
     * @param entries    the report's tables in report order
     * @param dictionary the rows of dictionary.csv (file, column, unit, meaning)
     * @param heading    the first line of the contents sheet
     * @param notes      lines under it (suppression, as-of date)
     */
    static void write(Path file, List<Entry> entries, List<List<String>> dictionary, String heading, List<String> notes)
            throws IOException {
        try (ReportWorkbook book = new ReportWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            book.contents(entries, heading, notes);
            for (Entry entry : entries) {
                book.table(book.names.get(entry), entry.table());
            }
            book.dictionary(dictionary);
            book.workbook.write(out);
        }
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }

    private void contents(List<Entry> entries, String heading, List<String> notes) {
        Set<String> used = new LinkedHashSet<>(List.of("Contents", "Dictionary"));
        for (Entry entry : entries) {
            names.put(entry, unique(entry.table().name(), used));
        }
        Sheet sheet = workbook.createSheet("Contents");
        int r = 0;
        textCell(sheet.createRow(r++), 0, heading, header);
        for (String note : notes) {
            textCell(sheet.createRow(r++), 0, note, text);
        }
        r++;
        Row head = sheet.createRow(r++);
        List<String> columns = List.of("sheet", "title", "chapter", "csv file");
        for (int c = 0; c < columns.size(); c++) {
            textCell(head, c, columns.get(c), header);
        }
        for (Entry entry : entries) {
            Row row = sheet.createRow(r++);
            String name = names.get(entry);
            org.apache.poi.ss.usermodel.Cell link = textCell(row, 0, name, text);
            Hyperlink hyperlink = helper.createHyperlink(HyperlinkType.DOCUMENT);
            hyperlink.setAddress("'" + name + "'!A1");
            link.setHyperlink(hyperlink);
            textCell(row, 1, entry.table().title(), text);
            textCell(row, 2, entry.chapter(), text);
            textCell(row, 3, entry.csvFile(), text);
        }
        sheet.setColumnWidth(0, 30 * 256);
        sheet.setColumnWidth(1, 70 * 256);
        sheet.setColumnWidth(2, 26 * 256);
        sheet.setColumnWidth(3, 40 * 256);
    }

    /** A sheet name Excel takes: at most 31 characters, none of []:*?/\, unique in the workbook. */
    private static String unique(String name, Set<String> used) {
        String base = WorkbookUtil.createSafeSheetName(name);
        String candidate = base;
        for (int i = 2; used.contains(candidate); i++) {
            String suffix = "-" + i;
            candidate = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        used.add(candidate);
        return candidate;
    }

    private void table(String name, Table table) {
        Sheet sheet = workbook.createSheet(name);
        List<String> headers = table.csvHeaders();
        Row head = sheet.createRow(0);
        for (int c = 0; c < headers.size(); c++) {
            textCell(head, c, headers.get(c), header);
        }
        int r = 1;
        for (List<Cell> cells : table.rows()) {
            Row row = sheet.createRow(r++);
            int c = 0;
            for (int i = 0; i < cells.size(); i++) {
                Cell cell = cells.get(i);
                if (table.intervalColumn(i)) {
                    value(row, c++, cell, cell.value());
                    value(row, c++, cell, cell.lower());
                    value(row, c++, cell, cell.upper());
                } else {
                    value(row, c++, cell, cell.value());
                }
            }
        }
        sheet.createFreezePane(0, 1);
        if (r > 1) {
            sheet.setAutoFilter(new CellRangeAddress(0, r - 1, 0, headers.size() - 1));
        }
        for (int c = 0; c < headers.size(); c++) {
            sheet.setColumnWidth(c, Math.min(60, Math.max(12, headers.get(c).length() + 4)) * 256);
        }
    }

    /** One spreadsheet cell of a report cell: its number, its text, "suppressed", or empty. */
    private void value(Row row, int column, Cell cell, Double number) {
        switch (cell.kind()) {
            case SUPPRESSED -> textCell(row, column, Formats.SUPPRESSED, suppressed);
            case MISSING -> row.createCell(column);
            case TEXT -> textCell(row, column, cell.text(), text);
            case DATE -> {
                org.apache.poi.ss.usermodel.Cell date = row.createCell(column);
                date.setCellValue(LocalDate.parse(cell.text()));
                date.setCellStyle(styles.get(Cell.Kind.DATE));
            }
            default -> {
                org.apache.poi.ss.usermodel.Cell numeric = row.createCell(column);
                if (number != null && !number.isNaN() && !number.isInfinite()) {
                    numeric.setCellValue(number);
                    numeric.setCellStyle(styles.get(cell.kind()));
                }
            }
        }
    }

    private void dictionary(List<List<String>> rows) {
        Sheet sheet = workbook.createSheet("Dictionary");
        List<String> columns = List.of("file", "column", "unit", "meaning");
        Row head = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            textCell(head, c, columns.get(c), header);
        }
        int r = 1;
        for (List<String> line : rows) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < line.size(); c++) {
                textCell(row, c, line.get(c), text);
            }
        }
        sheet.createFreezePane(0, 1);
        sheet.setColumnWidth(0, 40 * 256);
        sheet.setColumnWidth(1, 34 * 256);
        sheet.setColumnWidth(2, 30 * 256);
        sheet.setColumnWidth(3, 60 * 256);
    }

    /**
     * A text cell. POI stores a string as a string, never a formula; text that begins like one
     * (= + - @) is also quote-prefixed so that editing the cell in Excel keeps it text.
     */
    private org.apache.poi.ss.usermodel.Cell textCell(Row row, int column, String value, CellStyle style) {
        org.apache.poi.ss.usermodel.Cell cell = row.createCell(column);
        String shown = value == null ? "" : value;
        cell.setCellValue(shown);
        boolean risky = !shown.isEmpty() && "=+-@\t\r".indexOf(shown.charAt(0)) >= 0;
        cell.setCellStyle(risky && style == text ? formulaLike : style);
        return cell;
    }

    static List<Entry> entries(List<Section> sections, Quarter quarter) {
        List<Entry> entries = new ArrayList<>();
        for (Section section : sections) {
            for (Section.Block block : section.blocks()) {
                Table table = block instanceof Section.TableBlock t ? t.table()
                        : block instanceof Section.TilesBlock t ? t.data()
                        : block instanceof Section.ChartBlock c ? c.data() : null;
                if (table != null) {
                    entries.add(new Entry(section.title(), table, table.name() + "-" + quarter + ".csv"));
                }
            }
        }
        return entries;
    }
}
