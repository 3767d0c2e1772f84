package org.mentoringanalytics.reports;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * One chapter of the report as a list of blocks, built from figures and rendered by
 * {@link QuarterlyReport}: the same tables and charts go into the PDF, the CSVs and the PNGs.
 */
final class Section {

    sealed interface Block permits Lead, Text, Note, Heading, TableBlock, ChartBlock, TilesBlock {
    }

    /** The headline sentence of a chapter, in large type. */
    record Lead(String text) implements Block {
    }

    record Text(String text) implements Block {
    }

    record Note(String text) implements Block {
    }

    record Heading(String text) implements Block {
    }

    record TableBlock(Table table) implements Block {
    }

    /** A chart, the table of exactly the values it draws, and its height in the PDF in points. */
    record ChartBlock(String name, JFreeChart chart, Table data, float height, boolean keepWithNext) implements Block {
    }

    record TilesBlock(List<Kpis.Tile> tiles, Table data) implements Block {
    }

    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    Section(String title) {
        this.title = title;
    }

    String title() {
        return title;
    }

    List<Block> blocks() {
        return blocks;
    }

    Section lead(String text) {
        blocks.add(new Lead(text));
        return this;
    }

    Section text(String text) {
        blocks.add(new Text(text));
        return this;
    }

    Section note(String text) {
        blocks.add(new Note(text));
        return this;
    }

    Section heading(String text) {
        blocks.add(new Heading(text));
        return this;
    }

    Section table(Table table) {
        blocks.add(new TableBlock(table));
        return this;
    }

    Section chart(Charts.Chart chart, float height) {
        blocks.add(new ChartBlock(chart.name(), chart.chart(), chart.data(), height, false));
        return this;
    }

    /** A chart that stays on one page with the block after it (its number-at-risk table, say). */
    Section chartWithNext(Charts.Chart chart, float height) {
        blocks.add(new ChartBlock(chart.name(), chart.chart(), chart.data(), height, true));
        return this;
    }

    Section tiles(List<Kpis.Tile> tiles, Table data) {
        blocks.add(new TilesBlock(tiles, data));
        return this;
    }
}
