package org.mentoringanalytics.app;

import java.io.PrintStream;
import org.mentoringanalytics.ingest.IngestProgress;

/**
 * Progress of long steps for a person or a log. On a terminal one status line per source updates
 * in place (rows, elapsed time, rate); when output goes to a file or a pipe, a plain line is
 * printed at most every {@code interval} seconds, and one when a source is done, so logs stay short.
 */
final class ConsoleProgress implements IngestProgress {

    private final PrintStream out;
    private final boolean terminal;
    private final long intervalNanos;
    private String source;
    private long sourceStarted;
    private long lastPrinted;

    ConsoleProgress(PrintStream out, boolean terminal, long intervalSeconds) {
        this.out = out;
        this.terminal = terminal;
        this.intervalNanos = intervalSeconds * 1_000_000_000L;
    }

    /** For this process's standard output: a terminal when there is a console. */
    static ConsoleProgress forStandardOutput() {
        return new ConsoleProgress(System.out, System.console() != null && System.getenv("TERM") != null
                && !"dumb".equals(System.getenv("TERM")), 10);
    }

    @Override
    public synchronized void update(String source, long rows, boolean done) {
        long now = System.nanoTime();
        if (!source.equals(this.source)) {
            this.source = source;
            sourceStarted = now;
            lastPrinted = now;
        }
        double seconds = (now - sourceStarted) / 1e9;
        String line = String.format(java.util.Locale.ROOT, "  reading %-18s %,12d rows  %6.1f s  %,9.0f rows/s", source, rows,
                seconds, seconds > 0 ? rows / seconds : 0);
        if (terminal) {
            out.print("\r" + line + (done ? "\n" : ""));
            out.flush();
        } else if (done ? seconds >= intervalNanos / 1e9 : now - lastPrinted >= intervalNanos) {
            // Short sources finish before the first interval: only long ones are worth a line in a log.
            out.println(line + (done ? "  done" : ""));
            lastPrinted = now;
        }
    }
}
