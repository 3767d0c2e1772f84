package org.mentoringanalytics.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command-line program: wires the stages (generate, ingest, metrics, report) and runs them
 * alone or together. Exit codes: 0 success, 1 the command failed, 2 bad usage.
 */
@Command(name = "mentoring-analytics", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Analytics and reporting for company mentoring programs.",
        subcommands = {GenerateCommand.class, IngestCommand.class, MetricsCommand.class, ReportCommand.class,
                RunCommand.class, RefreshCommand.class, ScheduleCommand.class, HistoryCommand.class, SqlCommand.class,
                VerifyCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Examples:",
                "  mentoring-analytics run                      # whole pipeline on the bundled sample",
                "  mentoring-analytics ingest --landing /data/landing --warehouse /data/warehouse",
                "  mentoring-analytics report --quarter 2026-Q3",
                "  mentoring-analytics sql \"SELECT * FROM mart_retention_outcome WHERE scope = 'ALL'\"",
                "  mentoring-analytics refresh --landing /data/landing --warehouse /data/warehouse",
                "  mentoring-analytics schedule --cron \"0 0 2 * * *\"",
                "  mentoring-analytics history --json",
                "  mentoring-analytics verify --warehouse /data/warehouse",
                "", "Exit codes: 0 success, 1 the command failed, 2 bad usage, 3 a landing file was rejected whole,",
                "            4 another run holds the warehouse, 5 a table is damaged (see verify)."})
public final class Main {

    @picocli.CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Log what the libraries do and print stack traces of errors (also MENTORING_VERBOSE=1).")
    void verbose(boolean on) {
        if (on) {
            System.setProperty("mentoring.verbose", "true");
            ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                    org.slf4j.Logger.ROOT_LOGGER_NAME);
            root.setLevel(ch.qos.logback.classic.Level.INFO);
            for (String library : java.util.List.of("org.springframework.batch", "org.apache.spark", "org.apache.hadoop")) {
                ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(library)).setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the program as the command line would, returning the exit code. */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.registerConverter(java.time.LocalDate.class, Main::date);
        // A mistyped option value is one line naming the option and the form expected, exit 2.
        commandLine.setParameterExceptionHandler((e, args1) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("error: " + oneLine(e.getMessage()));
            return ExitCodes.USAGE;
        });
        try {
            commandLine.setDefaultValueProvider(Settings.current());
        } catch (IllegalArgumentException e) {
            commandLine.getErr().println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (Boolean.getBoolean("mentoring.verbose")) {
                e.printStackTrace(cmd.getErr());
            }
            return e instanceof PipelineLock.Busy ? ExitCodes.BUSY : e instanceof UsageError ? ExitCodes.USAGE
                    : PipelineJob.damaged(e) ? ExitCodes.DAMAGED : ExitCodes.FAILED;
        });
        return commandLine.execute(args);
    }

    private static java.time.LocalDate date(String text) {
        try {
            return java.time.LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a date: use YYYY-MM-DD");
        }
    }

    /** Picocli's message without its stack of causes: "Invalid value for option '--as-of': ...". */
    private static String oneLine(String message) {
        String first = message == null ? "invalid arguments" : message.lines().findFirst().orElse(message);
        return first.replace("cannot convert ", "").replace("is not an int", "is not a whole number").replaceAll(" \\(java\\.[^)]*\\)", "");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[]{"mentoring-analytics " + (version == null ? "development build" : version)};
        }
    }
}
