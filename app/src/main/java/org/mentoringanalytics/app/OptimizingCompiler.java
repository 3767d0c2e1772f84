package org.mentoringanalytics.app;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.ObjectName;

/**
 * HotSpot's optimizing compiler (C2) for the rest of a short process over small data. On the sample
 * a metrics run spends about a third of its CPU time (on two cores) compiling Spark's code with C2,
 * which the few thousand rows never pay back; the quick compiler (C1) alone makes the same code in
 * a fraction of that time. Large runs keep C2: without it their ingest took twice as long.
 *
 * <p>Turned off with a compiler directive that excludes every method from C2, which is what
 * {@code jcmd <pid> Compiler.directives_add} does, through the JVM's DiagnosticCommand MBean.
 * Compiled code computes the same values whichever compiler made it.
 */
final class OptimizingCompiler {

    private static final String EXCLUDE_ALL = "[{ match: \"*.*\", c2: { Exclude: true } }]";

    private static boolean off;
    private static boolean longLived;

    private OptimizingCompiler() {
    }

    /**
     * For a process that keeps running (the scheduler): its later work may be large, and a method
     * once kept from C2 stays so for the life of the process, so C2 is never turned off in it.
     */
    static synchronized void keepForLongLivedProcess() {
        longLived = true;
    }

    static synchronized boolean isOff() {
        return off;
    }

    /**
     * Turns C2 off for the rest of this process, once.
     *
     * @return whether it is off: false in a long-lived process, or on a JVM without the command
     */
    static synchronized boolean offForSmallData() {
        if (off || longLived) {
            return off;
        }
        try {
            Path directives = Files.createTempFile("mentoring-compiler", ".json");
            try {
                Files.writeString(directives, EXCLUDE_ALL);
                Object answer = ManagementFactory.getPlatformMBeanServer().invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                        new Object[]{new String[]{directives.toString()}}, new String[]{String[].class.getName()});
                off = String.valueOf(answer).contains("1 compiler directives added");
            } finally {
                Files.deleteIfExists(directives);
            }
        } catch (Exception e) {
            // Not HotSpot, no management, or no temporary folder: the code is compiled as usual.
            off = false;
        }
        return off;
    }
}
