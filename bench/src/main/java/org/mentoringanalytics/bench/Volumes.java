package org.mentoringanalytics.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.mentoringanalytics.sampledata.GeneratedOrganisation;
import org.mentoringanalytics.sampledata.GeneratorConfig;
import org.mentoringanalytics.sampledata.SampleData;

/** The benchmark organisation: 100k employees and about 10 million sessions, generated once and reused. */
final class Volumes {

    static final int EMPLOYEES = 100_000;
    static final double SESSION_SCALE = 20.2;

    private Volumes() {
    }

    static Path landing(Path root) throws IOException {
        Path landing = root.resolve("landing");
        if (Files.exists(landing.resolve("landing.properties"))) {
            System.out.println("reusing generated landing data in " + landing);
            return landing;
        }
        long started = System.nanoTime();
        GeneratedOrganisation org = SampleData.generate(new GeneratorConfig(42L, EMPLOYEES, 5, LocalDate.of(2026, 9, 30),
                EMPLOYEES / 900.0, SESSION_SCALE), landing);
        System.out.printf("generated %,d employees, %,d match rows, %,d sessions in %.1f s%n", org.employeeCount(),
                org.matchRowCount(), org.sessionCount(), seconds(started));
        return landing;
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** Processor time of this process so far, every thread and the JVM's own included. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
