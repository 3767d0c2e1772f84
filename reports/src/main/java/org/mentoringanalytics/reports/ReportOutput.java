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
 */
public record ReportOutput(Path pdf, Path folder, Quarter quarter, List<Path> files) {

    /** The HTML page beside the PDF. */
    public Path html() {
        return pdf.resolveSibling(pdf.getFileName().toString().replaceFirst("\\.pdf$", ".html"));
    }

    /** The Excel workbook beside the PDF. */
    public Path workbook() {
        return pdf.resolveSibling(pdf.getFileName().toString().replaceFirst("\\.pdf$", ".xlsx"));
    }
}
