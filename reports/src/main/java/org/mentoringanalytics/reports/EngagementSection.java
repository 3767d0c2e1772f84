package org.mentoringanalytics.reports;


import java.awt.Color;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Engagement: the monthly trend and the programs table (from {@link QuarterlyFigures}), the
 * channel mix and a program-by-month heat map of the active match rate (mart_engagement_rollup),
 * and the health of live matches (mart_match_health).
 */
final class EngagementSection {

    static final List<String> CHANNELS = List.of("video", "phone", "chat", "email", "in_person");

    private final QuarterlyFigures figures;
    /** One row of mart_engagement_rollup, by column name. */
    record RollupRow(String dimension, String value, LocalDate month, long liveMatches, long activeMatches,
                     Double activeRate, long sessions, Double videoShare, Double phoneShare, Double chatShare,
                     Double emailShare, Double inPersonShare, long people) {
    }

    /** One row of mart_match_health, by column name. */
    record HealthRow(String programId, String programName, String health, long matches, long people) {
    }

    /** Each channel's share, in the order of {@link #CHANNELS}. */
    private static final List<java.util.function.Function<RollupRow, Double>> SHARES = List.of(RollupRow::videoShare,
            RollupRow::phoneShare, RollupRow::chatShare, RollupRow::emailShare, RollupRow::inPersonShare);

    private final List<RollupRow> rollup;
    private final List<HealthRow> health;
    private final Map<String, String> programNames;
    private final Disclosure disclosure;

    EngagementSection(QuarterlyFigures figures, ReportMarts marts, Disclosure disclosure) {
        this.figures = figures;
        this.rollup = marts.rollup().stream().filter(r -> r.dimension().equals("program")).toList();
        this.health = marts.health();
        this.programNames = new LinkedHashMap<>(marts.programNames());
        figures.programs().forEach(p -> programNames.put(p.programId(), p.programName()));
        this.disclosure = disclosure;
    }

    Section build(ReportTheme theme) {
        Section section = new Section("Engagement");
        section.text("A match is active in a month when it logged at least one session; asynchronous chat and email "
                + "exchanges count. The heat map shows each program's active match rate month by month.");
        section.chart(Charts.activeMatchesTrend(figures, theme), 240);
        section.chart(Charts.sessionsPerActiveMatch(figures, theme), 190);
        section.table(ReportTables.programs(figures));
        section.chart(channelMix(theme), 200);
        section.chart(heatMap(theme), 230);
        Charts.Chart healthChart = health(theme);
        section.chartWithNext(healthChart, 200);
        section.table(healthTable());
        return section;
    }

    /** Share of the quarter's sessions by channel, per shown program and for all programs. */
    Charts.Chart channelMix(ReportTheme theme) {
        // By program id, as the heat map and health table: the mart's row order is not part of its contract.
        Map<String, double[]> sessionsByChannel = new java.util.TreeMap<>();
        double[] all = new double[CHANNELS.size()];
        for (RollupRow r : rollup) {
            if (!figures.quarter().contains(r.month())) {
                continue;
            }
            double sessions = r.sessions();
            double[] channels = sessionsByChannel.computeIfAbsent(r.value(), k -> new double[CHANNELS.size()]);
            for (int c = 0; c < CHANNELS.size(); c++) {
                Double share = SHARES.get(c).apply(r);
                double n = share == null ? 0 : Math.round(share * sessions);
                channels[c] += n;
                all[c] += n;
            }
        }
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        List<List<?>> data = new ArrayList<>();
        Map<String, double[]> shown = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : sessionsByChannel.entrySet()) {
            String name = programNames.getOrDefault(e.getKey(), e.getKey());
            if (disclosure.program(e.getKey())) {
                data.add(row(name, null));
            } else {
                shown.put(name, e.getValue());
            }
        }
        shown.put("All programs", all);
        for (Map.Entry<String, double[]> e : shown.entrySet()) {
            double total = java.util.Arrays.stream(e.getValue()).sum();
            if (total == 0) {
                continue;
            }
            double[] shares = new double[CHANNELS.size()];
            for (int c = 0; c < CHANNELS.size(); c++) {
                shares[c] = e.getValue()[c] / total;
                dataset.addValue(shares[c] * 100, label(CHANNELS.get(c)), e.getKey());
            }
            data.add(row(e.getKey(), shares));
        }
        JFreeChart chart = ChartFactory.createStackedBarChart("Sessions by channel, " + figures.quarter(), null,
                "Share of sessions (%)", dataset, PlotOrientation.HORIZONTAL, true, false, false);
        theme.apply(chart);
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setRange(0, 100);
        ((StackedBarRenderer) chart.getCategoryPlot().getRenderer()).setMaximumBarWidth(0.12);
        List<String> headers = new ArrayList<>(List.of("program"));
        CHANNELS.forEach(c -> headers.add(c + "_share"));
        return new Charts.Chart("channel-mix", chart, new Table("channel-mix",
                "Share of sessions by channel, " + figures.quarter(), headers, data));
    }

    private static List<Cell> row(String name, double[] shares) {
        List<Cell> cells = new ArrayList<>(List.of(Cells.text(name)));
        for (int c = 0; c < CHANNELS.size(); c++) {
            cells.add(shares == null ? Cells.SUPPRESSED : Cells.percent(shares[c]));
        }
        return cells;
    }

    static String label(String channel) {
        return channel.equals("in_person") ? "In person" : Character.toUpperCase(channel.charAt(0)) + channel.substring(1);
    }

    /** Active match rate per program and month over the twelve months ending with the quarter. */
    Charts.Chart heatMap(ReportTheme theme) {
        LocalDate last = figures.quarter().end().withDayOfMonth(1);
        List<LocalDate> months = new ArrayList<>();
        for (int i = 11; i >= 0; i--) {
            months.add(last.minusMonths(i));
        }
        // Programs without a live match or a session in the quarter have ended: they leave the current chart.
        Set<String> current = figures.programs().stream().map(QuarterlyFigures.ProgramQuarter::programId)
                .collect(Collectors.toSet());
        List<String> programs = rollup.stream().map(r -> r.value()).filter(current::contains).distinct().sorted().toList();
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Double> zs = new ArrayList<>();
        List<List<?>> data = new ArrayList<>();
        for (int p = 0; p < programs.size(); p++) {
            String id = programs.get(p);
            for (int m = 0; m < months.size(); m++) {
                LocalDate month = months.get(m);
                RollupRow cell = rollup.stream()
                        .filter(r -> r.value().equals(id) && r.month().equals(month)).findFirst().orElse(null);
                if (cell == null) {
                    continue;
                }
                boolean suppressed = disclosure.month(id, cell.people());
                Double rate = cell.activeRate();
                if (!suppressed && rate != null) {
                    xs.add((double) m);
                    ys.add((double) p);
                    zs.add(rate * 100);
                }
                data.add(List.of(programNames.getOrDefault(id, id), Cells.date(month),
                        suppressed ? Cells.SUPPRESSED : Cells.percent(rate)));
            }
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("Active match rate", new double[][]{
                xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ys.stream().mapToDouble(Double::doubleValue).toArray(),
                zs.stream().mapToDouble(Double::doubleValue).toArray()});
        SymbolAxis x = new SymbolAxis(null, months.stream()
                .map(m -> m.toString().substring(0, 7)).toArray(String[]::new));
        SymbolAxis y = new SymbolAxis(null, programs.stream().map(id -> programNames.getOrDefault(id, id)).toArray(String[]::new));
        XYBlockRenderer renderer = new XYBlockRenderer();
        LookupPaintScale scale = new LookupPaintScale(0, 100.0001, Color.WHITE);
        // One hue, light to dark: readable for every form of colour blindness and in greyscale.
        Color[] ramp = {new Color(0xDEEBF7), new Color(0xC6DBEF), new Color(0x9ECAE1), new Color(0x6BAED6),
                new Color(0x4292C6), new Color(0x2171B5), new Color(0x08519C), new Color(0x08306B)};
        for (int i = 0; i < ramp.length; i++) {
            scale.add(i * 100.0 / ramp.length, ramp[i]);
        }
        renderer.setPaintScale(scale);
        x.setVerticalTickLabels(true);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        JFreeChart chart = new JFreeChart("Active match rate by program and month", plot);
        chart.removeLegend();
        theme.apply(chart);
        NumberAxis legendAxis = new NumberAxis("Active match rate (%)");
        legendAxis.setRange(0, 100);
        legendAxis.setTickLabelFont(plot.getRangeAxis().getTickLabelFont());
        legendAxis.setLabelFont(plot.getRangeAxis().getLabelFont());
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 8, 4, 4);
        legend.setStripWidth(10);
        chart.addSubtitle(legend);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        return new Charts.Chart("active-rate-heat-map", chart, new Table("active-rate-heat-map",
                "Active match rate by program and month (12 months)", List.of("program", "month", "active_rate"), data));
    }

    private List<String> healthStates() {
        return List.of("on_track", "at_risk", "dormant");
    }

    private long healthCell(String program, String state, java.util.function.ToLongFunction<HealthRow> column) {
        return health.stream().filter(r -> r.programId().equals(program) && r.health().equals(state))
                .mapToLong(column).sum();
    }

    private List<String> healthPrograms() {
        return health.stream().map(r -> r.programId()).distinct().sorted().toList();
    }

    Table healthTable() {
        List<String> programs = healthPrograms();
        List<List<?>> rows = new ArrayList<>();
        long[] totals = new long[3];
        for (int p = 0; p < programs.size(); p++) {
            List<Cell> cells = new ArrayList<>(List.of(Cells.text(programNames.getOrDefault(programs.get(p), programs.get(p)))));
            for (int h = 0; h < 3; h++) {
                long matches = healthCell(programs.get(p), healthStates().get(h), HealthRow::matches);
                totals[h] += matches;
                cells.add(disclosure.health(programs.get(p))[h] ? Cells.SUPPRESSED : Cells.count(matches));
            }
            rows.add(cells);
        }
        List<Cell> all = new ArrayList<>(List.of(Cells.text("All programs")));
        for (int h = 0; h < 3; h++) {
            String state = healthStates().get(h);
            long people = health.stream().filter(r -> r.health().equals(state)).mapToLong(r -> r.people()).sum();
            all.add(disclosure.hides(people) ? Cells.SUPPRESSED : Cells.count(totals[h]));
        }
        rows.add(all);
        return new Table("match-health", "Live matches by days since their last session, on the as-of date",
                List.of("program", "on track (30 days or less)", "at risk (31-60 days)", "dormant (over 60 days)"), rows);
    }

    /**
     * Every program of the table is drawn: shown cells as bars, a program with a suppressed cell as
     * a labelled row without bars ("name (suppressed)"), so no group silently leaves the chart.
     */
    Charts.Chart health(ReportTheme theme) {
        Table table = healthTable();
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        String[] labels = {"On track", "At risk", "Dormant"};
        for (List<Cell> row : table.rows()) {
            boolean hidden = row.stream().anyMatch(Cell::suppressed);
            String name = row.get(0).text() + (hidden ? " (suppressed)" : "");
            for (int h = 0; h < 3; h++) {
                Cell cell = row.get(h + 1);
                dataset.addValue(hidden || cell.value() == null ? null : cell.value(), labels[h], name);
            }
        }
        JFreeChart chart = ChartFactory.createStackedBarChart("Health of live matches", null, "Live matches", dataset,
                PlotOrientation.HORIZONTAL, true, false, false);
        theme.apply(chart);
        ((StackedBarRenderer) chart.getCategoryPlot().getRenderer()).setMaximumBarWidth(0.12);
        chart.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
        chart.getCategoryPlot().getRenderer().setSeriesPaint(0, theme.series(2));
        chart.getCategoryPlot().getRenderer().setSeriesPaint(1, theme.series(1));
        chart.getCategoryPlot().getRenderer().setSeriesPaint(2, theme.series(5));
        return new Charts.Chart("match-health", chart, new Table("match-health-chart", "Live matches by health (chart data)",
                table.headers(), table.rows()));
    }
}
