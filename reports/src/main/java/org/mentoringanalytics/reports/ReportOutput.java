package org.mentoringanalytics.reports;

import java.nio.file.Path;
import java.util.List;

/**
 * Files written by one report.
 *
 * @param pdf       the PDF
 * @param folder    folder of chart PNGs and table CSVs
 * @param quarter   quarter reported
 * @param files     every file written, PDF first
 * @param summary   the executive summary's headline and findings, as the report prints them
 */
public record ReportOutput(Path pdf, Path folder, Quarter quarter, List<Path> files, List<String> summary) {

    /** The HTML page beside the PDF. */
    public Path html() {
        return pdf.resolveSibling(pdf.getFileName().toString().replaceFirst("\\.pdf$", ".html"));
    }

    /** The Excel workbook beside the PDF. */
    public Path workbook() {
        return pdf.resolveSibling(pdf.getFileName().toString().replaceFirst("\\.pdf$", ".xlsx"));
    }
}
