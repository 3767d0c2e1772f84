package org.mentoringanalytics.jobs;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * Where a metrics run spends its time: for each step (checking staging, each table written, the
 * safe layer, the commit) its wall time, the Spark jobs, stages and tasks it launched, and the
 * driver's peak heap while it ran. Counts come from a listener on the session's scheduler events,
 * so they are what Spark really ran; heap peaks from the JVM's memory pools (the driver's, which in
 * local mode holds the executors too).
 */
public final class MetricsProfile {

    /** One step of the run. */
    public record Step(String name, long rows, double seconds, long jobs, long stages, long tasks, long peakHeapBytes) {
    }

    private final AtomicLong jobs = new AtomicLong();
    private final AtomicLong stages = new AtomicLong();
    private final AtomicLong tasks = new AtomicLong();
    private final List<Step> steps = new ArrayList<>();
    private long since = System.nanoTime();
    private long jobsBefore;
    private long stagesBefore;
    private long tasksBefore;

    private org.apache.spark.SparkContext context;

    private MetricsProfile() {
    }

    /** Starts counting on the session's scheduler; call before the run. */
    public static MetricsProfile on(SparkSession spark) {
        MetricsProfile profile = new MetricsProfile();
        profile.context = spark.sparkContext();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart jobStart) {
                profile.jobs.incrementAndGet();
            }

            @Override
            public void onStageCompleted(SparkListenerStageCompleted stageCompleted) {
                profile.stages.incrementAndGet();
            }

            @Override
            public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
                profile.tasks.incrementAndGet();
            }
        });
        resetPeaks();
        return profile;
    }

    /** Ends a step: what happened since the previous one. */
    synchronized void mark(String name, long rows) {
        long now = System.nanoTime();
        // The listener bus delivers events on its own thread: let it catch up with what was just run.
        if (context != null) {
            try {
                context.listenerBus().waitUntilEmpty(10_000);
            } catch (java.util.concurrent.TimeoutException e) {
                // Counted late rather than wait longer: the step's counts may fall into the next step.
            }
        }
        long j = jobs.get();
        long s = stages.get();
        long t = tasks.get();
        steps.add(new Step(name, rows, (now - since) / 1e9, j - jobsBefore, s - stagesBefore, t - tasksBefore, peakHeap()));
        jobsBefore = j;
        stagesBefore = s;
        tasksBefore = t;
        since = now;
        resetPeaks();
    }

    public synchronized List<Step> steps() {
        return List.copyOf(steps);
    }

    /** The steps as an aligned text table with a total line. */
    public synchronized String table() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-36s %10s %8s %6s %6s %7s %9s%n",
                "step", "rows", "wall s", "jobs", "stages", "tasks", "heap MB"));
        double seconds = 0;
        long j = 0;
        long s = 0;
        long t = 0;
        long heap = 0;
        for (Step step : steps) {
            text.append(String.format(Locale.ROOT, "%-36s %10s %8.2f %6d %6d %7d %9d%n", step.name(),
                    step.rows() < 0 ? "" : String.format(Locale.ROOT, "%,d", step.rows()), step.seconds(), step.jobs(),
                    step.stages(), step.tasks(), step.peakHeapBytes() >> 20));
            seconds += step.seconds();
            j += step.jobs();
            s += step.stages();
            t += step.tasks();
            heap = Math.max(heap, step.peakHeapBytes());
        }
        text.append(String.format(Locale.ROOT, "%-36s %10s %8.2f %6d %6d %7d %9d%n", "total", "", seconds, j, s, t, heap >> 20));
        return text.toString();
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }
}
