package org.mentoringanalytics.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.sampledata.GeneratorConfig;
import org.mentoringanalytics.sampledata.SampleData;

/** The scheduler and the warehouse lock, with real processes. */
class ScheduleCommandTest {

    @TempDir
    Path dir;

    private static String captured(Runnable action) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
            System.setErr(originalErr);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void crontabsFiveFieldsAndSpringsSixAreBothAcceptedInTheGivenZone() {
        var spec = new picocli.CommandLine(new ScheduleCommand()).getCommandSpec();
        java.time.ZoneId berlin = ScheduleCommand.zone("Europe/Berlin", spec);
        java.time.ZonedDateTime noon = java.time.ZonedDateTime.of(2026, 12, 1, 12, 0, 0, 0, berlin);
        assertThat(ScheduleCommand.expression("0 2 * * *", spec).next(noon)).hasToString("2026-12-02T02:00+01:00[Europe/Berlin]");
        assertThat(ScheduleCommand.expression("0 0 2 * * *", spec).next(noon)).hasToString("2026-12-02T02:00+01:00[Europe/Berlin]");
        assertThat(ScheduleCommand.expression("30 1 * * MON-FRI", spec).next(noon.withDayOfMonth(4)))
                .hasToString("2026-12-07T01:30+01:00[Europe/Berlin]");
        assertThat(ScheduleCommand.expression("@daily", spec).next(noon)).hasToString("2026-12-02T00:00+01:00[Europe/Berlin]");
        // In summer the same 02:00 is an hour earlier in UTC.
        assertThat(ScheduleCommand.expression("0 2 * * *", spec).next(noon.withMonth(7)).toInstant())
                .hasToString("2026-07-02T00:00:00Z");
        CommandLineTest.Captured bad = CommandLineTest.capture(() -> Main.execute("schedule", "--cron", "0 2 * *"));
        assertThat(bad.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("invalid --cron '0 2 * *'", "five crontab fields");
        CommandLineTest.Captured zone = CommandLineTest.capture(() -> Main.execute("schedule", "--cron", "0 2 * * *", "--zone", "Mars/Olympus"));
        assertThat(zone.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(zone.err()).contains("invalid --zone 'Mars/Olympus'");
        CommandLineTest.Captured none = CommandLineTest.capture(() -> Main.execute("schedule", "--cron", "0 2 * * *", "--zone",
                "Europe/Berlin", "--max-runs", "0", "--warehouse", dir.resolve("warehouse").toString()));
        assertThat(none.exit()).as(none.err()).isZero();
    }

    @Test
    void aFailedRunIsRecordedAndTheNextOneStillRuns() throws Exception {
        Path warehouse = dir.resolve("warehouse");
        try (ChildProgram schedule = ChildProgram.start(dir.resolve("schedule.log"), "schedule", "--cron", "* * * * * *",
                "--max-runs", "2", "--landing", dir.resolve("no-such-landing").toString(), "--warehouse", warehouse.toString())) {
            assertThat(schedule.process().waitFor(120, TimeUnit.SECONDS)).as(schedule.output()).isTrue();
            assertThat(schedule.process().exitValue()).isZero();
            String log = schedule.output();
            assertThat(log.split("schedule: refresh finished with exit code 1", -1)).hasSize(3);
            assertThat(log).contains("landing folder not found", "schedule: stopped");
        }
        String history = captured(() -> Main.execute("history", "--warehouse", warehouse.toString()));
        assertThat(history.lines().filter(l -> l.contains("refresh") && l.contains("FAILED")).count()).isEqualTo(2);
    }

    @Test
    void sigtermStopsTheSchedulerCleanlyAndFreesTheWarehouse() throws Exception {
        Path warehouse = dir.resolve("warehouse");
        try (ChildProgram schedule = ChildProgram.start(dir.resolve("schedule.log"), "schedule", "--cron", "0 0 2 1 1 *",
                "--warehouse", warehouse.toString())) {
            schedule.awaitOutput("schedule: next refresh at", Duration.ofSeconds(60));
            schedule.process().destroy();
            assertThat(schedule.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(schedule.output()).contains("stop requested", "schedule: stopped");
        }
        var lock = PipelineLock.tryAcquire(warehouse, "test");
        assertThat(lock).as("the lock is free once the scheduler stopped").isPresent();
        lock.get().close();
    }

    @Test
    void neverTwoRunsAtOnceAndACrashDoesNotLeaveTheWarehouseLocked() throws Exception {
        Path landing = dir.resolve("landing");
        Path warehouse = dir.resolve("warehouse");
        Path key = dir.resolve("key.txt");
        Files.writeString(key, "schedule-test-key-0123456789abcdef");
        SampleData.generate(new GeneratorConfig(3L, 200, 3, LocalDate.of(2026, 6, 30), 0.6), landing);
        try (ChildProgram schedule = ChildProgram.start(dir.resolve("schedule.log"), "schedule", "--cron", "* * * * * *",
                "--max-runs", "1", "--landing", landing.toString(), "--warehouse", warehouse.toString(),
                "--reports", dir.resolve("reports").toString(), "--key-file", key.toString(), "--master", "local[1]")) {
            // The scheduled refresh holds the lock from before its ingest until after its report.
            schedule.awaitOutput("ingest completed", Duration.ofSeconds(120));
            String busy = captured(() -> assertThat(Main.execute("ingest", "--landing", landing.toString(), "--warehouse",
                    warehouse.toString(), "--key-file", key.toString())).isEqualTo(ExitCodes.BUSY));
            assertThat(busy).contains("another run is using the warehouse", "scheduled refresh by process "
                    + schedule.process().pid());
            // A crash (SIGKILL) in the middle of the run: the operating system releases the lock with the process.
            schedule.process().destroyForcibly();
            schedule.process().waitFor(30, TimeUnit.SECONDS);
        }
        String after = captured(() -> assertThat(Main.execute("ingest", "--landing", landing.toString(), "--warehouse",
                warehouse.toString(), "--key-file", key.toString())).isZero());
        assertThat(after).contains("ingest nothing new");
    }
}
