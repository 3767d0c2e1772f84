package org.mentoringanalytics.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The independent DuckDB definitions of marts, in {@code src/test/resources/reference/*.sql}, with
 * their placeholders filled: {@code {stg_<table>}} becomes that staging table's Parquet files,
 * {@code {as_of}} the as-of date, {@code {first_month}} and {@code {last_month}} the 36-month window.
 * bench/metrics.sh times the same files at volume.
 */
final class Reference {

    private static final Pattern TABLE = Pattern.compile("\\{(stg_[a-z_]+)}");

    private Reference() {
    }

    static String sql(String name, Path warehouse, LocalDate asOf) throws IOException {
        String text;
        try (InputStream in = Reference.class.getResourceAsStream("/reference/" + name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        LocalDate last = asOf.withDayOfMonth(1);
        text = text.replace("{as_of}", asOf.toString()).replace("{last_month}", last.toString())
                .replace("{first_month}", last.minusMonths(35).toString());
        Matcher m = TABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("read_parquet('"
                    + warehouse.resolve("staging").resolve(m.group(1)).toAbsolutePath() + "/*.parquet')"));
        }
        return m.appendTail(out).toString();
    }
}
