package org.mentoringanalytics.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.LegendTitle;

/**
 * The report's look in one object: the Okabe-Ito colour-blind-safe palette, the fonts (DejaVu
 * Sans, embedded in the PDF) and how charts are styled. Handed to every chart; never global.
 */
public final class ReportTheme {

    /** Okabe and Ito (2008), safe for the common forms of colour blindness. */
    public static final List<Color> PALETTE = List.of(new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442), new Color(0x000000));
    public static final Color INK = new Color(0x222222);
    public static final Color MUTED = new Color(0x666666);
    public static final Color GRID = new Color(0xDDDDDD);
    /** Table headers: a dark slate outside the palette, so the palette's colours always mean data. */
    public static final Color HEADER = new Color(0x34495E);

    private static final List<Path> FONT_FOLDERS = List.of(
            Path.of("/usr/share/fonts/truetype/dejavu"), Path.of("/usr/share/fonts/dejavu"),
            Path.of("/usr/share/fonts/TTF"), Path.of("/Library/Fonts"));

    private final Path regularFont;
    private final Path boldFont;

    private ReportTheme(Path regularFont, Path boldFont) {
        this.regularFont = regularFont;
        this.boldFont = boldFont;
    }

    /**
     * Finds DejaVu Sans in {@code MENTORING_FONT_DIR} or the usual system folders.
     *
     * @throws IllegalStateException naming the package to install when the fonts are missing
     */
    public static ReportTheme standard() {
        String override = System.getenv("MENTORING_FONT_DIR");
        List<Path> folders = override == null ? FONT_FOLDERS
                : java.util.stream.Stream.concat(java.util.stream.Stream.of(Path.of(override)), FONT_FOLDERS.stream()).toList();
        for (Path folder : folders) {
            Path regular = folder.resolve("DejaVuSans.ttf");
            Path bold = folder.resolve("DejaVuSans-Bold.ttf");
            if (Files.isRegularFile(regular) && Files.isRegularFile(bold)) {
                return new ReportTheme(regular, bold);
            }
        }
        throw new IllegalStateException("DejaVu Sans fonts not found in " + folders
                + ": install them (Debian/Ubuntu: apt-get install fonts-dejavu-core) or set MENTORING_FONT_DIR");
    }

    public File regularFontFile() {
        return regularFont.toFile();
    }

    public File boldFontFile() {
        return boldFont.toFile();
    }

    public Color series(int index) {
        return PALETTE.get(index % PALETTE.size());
    }

    /** Applies fonts, colours and grid style to a chart built by {@link Charts}. */
    public void apply(JFreeChart chart) {
        Font base = new Font("DejaVu Sans", Font.PLAIN, 10);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(base.deriveFont(Font.BOLD, 12f));
            chart.getTitle().setPaint(INK);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(base);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        if (plot instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(GRID);
            category.getDomainAxis().setTickLabelFont(base);
            category.getDomainAxis().setLabelFont(base);
            category.getRangeAxis().setTickLabelFont(base);
            category.getRangeAxis().setLabelFont(base);
            if (category.getRenderer() instanceof BarRenderer bars) {
                bars.setBarPainter(new StandardBarPainter());
                bars.setShadowVisible(false);
                bars.setDrawBarOutline(false);
                bars.setItemMargin(0.05);
                for (int i = 0; i < PALETTE.size(); i++) {
                    bars.setSeriesPaint(i, series(i));
                }
            }
        } else if (plot instanceof XYPlot xy) {
            xy.setRangeGridlinePaint(GRID);
            xy.setDomainGridlinePaint(GRID);
            xy.getDomainAxis().setTickLabelFont(base);
            xy.getRangeAxis().setTickLabelFont(base);
            xy.getDomainAxis().setLabelFont(base);
            xy.getRangeAxis().setLabelFont(base);
            XYItemRenderer renderer = xy.getRenderer();
            for (int i = 0; i < PALETTE.size(); i++) {
                renderer.setSeriesPaint(i, series(i));
                renderer.setSeriesStroke(i, new BasicStroke(2f));
            }
        }
    }
}
