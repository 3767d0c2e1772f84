package org.mentoringanalytics.app;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.mentoringanalytics.sampledata.GeneratedOrganisation;
import org.mentoringanalytics.sampledata.GeneratorConfig;
import org.mentoringanalytics.sampledata.SampleData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate a realistic organisation with planted effects, as a landing folder.",
        footer = {"", "Examples:",
                "  mentoring-analytics generate --output /tmp/landing",
                "  mentoring-analytics generate --output /tmp/big --employees 100000 --session-scale 20 --seed 7"})
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--output", paramLabel = "DIR", required = true, description = "Folder to write the landing files to.")
    Path output;

    @Option(names = "--seed", defaultValue = "20260930", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--employees", defaultValue = "900", description = "Initial headcount (default: ${DEFAULT-VALUE}).")
    int employees;

    @Option(names = "--years", defaultValue = "5", description = "Years of history (default: ${DEFAULT-VALUE}).")
    int years;

    @Option(names = "--session-scale", defaultValue = "1.0",
            description = "Multiplier on session cadence, for volume tests (default: ${DEFAULT-VALUE}).")
    double sessionScale;

    @Option(names = "--as-of", paramLabel = "DATE", defaultValue = "2026-09-30",
            description = "Extraction date of the generated data (default: ${DEFAULT-VALUE}).")
    LocalDate asOf;

    @Override
    public Integer call() throws Exception {
        double scale = employees / 900.0;
        GeneratedOrganisation org = SampleData.generate(new GeneratorConfig(seed, employees, years, asOf, scale, sessionScale), output);
        System.out.printf("generated %,d employees, %,d match rows, %,d sessions into %s%n",
                org.employeeCount(), org.matchRowCount(), org.sessionCount(), output.toAbsolutePath());
        return 0;
    }
}
