package org.mentoringanalytics.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    @Test
    void onATerminalOneLineUpdatesInPlaceAndEndsWhenTheSourceIsDone() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, 10);
        progress.update("sessions", 20_000, false);
        progress.update("sessions", 40_000, false);
        progress.update("sessions", 45_000, true);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out.split("\r", -1)).hasSize(4);
        assertThat(out).contains("reading sessions", "20,000 rows", "45,000 rows").endsWith("\n");
        assertThat(out.chars().filter(c -> c == '\n').count()).isEqualTo(1);
    }

    @Test
    void inALogOnlyLongSourcesGetLinesAndAtMostOnePerInterval() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 3600);
        for (int chunk = 1; chunk <= 50; chunk++) {
            progress.update("sessions", chunk * 20_000L, false);
        }
        progress.update("sessions", 1_000_000, true);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();

        ConsoleProgress everySecond = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 0);
        everySecond.update("goals", 100, false);
        everySecond.update("goals", 768, true);
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).hasSize(2)
                .last().asString().contains("768 rows").endsWith("done");
    }
}
