package org.mentoringanalytics.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@link MartFixture} marts read once for unit tests of figures: the quarter 2026-Q3, k = 5,
 * and the suppression decided on them. Each test class gets its own copy on disk.
 */
final class ReportFixture {

    static final Quarter QUARTER = Quarter.parse("2026-Q3");
    static final int K = 5;

    final ReportMarts marts;
    final Disclosure disclosure;
    final QuarterlyFigures figures;

    private ReportFixture(ReportMarts marts) {
        this.marts = marts;
        this.disclosure = Disclosure.decide(marts, QUARTER, K);
        this.figures = QuarterlyFigures.compute(marts, QUARTER, disclosure);
    }

    static ReportFixture create() {
        try {
            Path root = Files.createTempDirectory("report-fixture");
            root.toFile().deleteOnExit();
            return new ReportFixture(ReportMarts.read(new MartReader(MartFixture.write(root))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The texts of a table's rows, shown columns only. */
    static java.util.List<java.util.List<String>> texts(Table table) {
        return table.rows().stream().map(table::shown).toList();
    }
}
