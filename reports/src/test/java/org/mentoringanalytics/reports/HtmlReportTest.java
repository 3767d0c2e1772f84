package org.mentoringanalytics.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @TempDir
    Path dir;

    @Test
    void namesFromHrSystemsAreTextInTablesChartsAndTooltipsNeverMarkup() throws Exception {
        String name = "<script>alert(1)</script>";
        String image = "<img src=x onerror=alert(2)>";
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        dataset.addValue(12, "Mentees", image);
        JFreeChart chart = ChartFactory.createBarChart("Programs", null, "People", dataset, PlotOrientation.VERTICAL,
                false, false, false);
        Table data = new Table("programs", "Programs", List.of("program", "people"), List.of(List.of(image, Cells.count(12))));
        Section section = new Section("Programs & \"people\"").text(name)
                .table(new Table("names", "Names", List.of("program", "people"), List.of(List.of(name, Cells.count(7)))))
                .chart(new Charts.Chart("programs", chart, data), 200);
        Path file = dir.resolve("report.html");
        HtmlReport.write(file, "Mentoring programs", "Quarterly report 2026-Q3", List.of("Programs: " + name), List.of(section),
                Quarter.parse("2026-Q3"), ReportTheme.standard());
        String html = Files.readString(file);
        assertThat(html).doesNotContain(name, image).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(2)&gt;");
        // The chart's tooltip carries the item and its data row, escaped as well.
        assertThat(html).contains("Mentees, &lt;img src=x onerror=alert(2)&gt;: 12.0 (People)")
                .contains("program: &lt;img src=x onerror=alert(2)&gt;; people: 12</title").doesNotContain("<!DOCTYPE svg");
        assertThat(html).contains("id=\"programs-people\"").contains("href=\"#programs-people\"");
        assertThat(html.indexOf("<script")).isEqualTo(-1);
    }
}
