package org.mentoringanalytics.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Groups computed two at a time: every piece runs, and a failure stops the others before it is reported. */
class GroupsAtOnceTest {

    @Test
    void everyPieceRunsOnce() {
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        List<Runnable> work = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            int n = i;
            work.add(() -> done.add(n));
        }
        MetricsJob.runAll(SharedSpark.get(), work, 2);
        assertThat(done).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6);
    }

    @Test
    void withSeveralAtOnceTheLongestGroupsStartFirstAndTheOthersKeepTheirOrder() {
        List<MetricsJob.Group> all = List.of(MetricsJob.Group.values());
        assertThat(MetricsJob.startOrder(all, 1)).isEqualTo(all);
        assertThat(MetricsJob.startOrder(all, 2)).containsExactly(MetricsJob.Group.ENGAGEMENT, MetricsJob.Group.RETENTION,
                MetricsJob.Group.PARTICIPATION, MetricsJob.Group.GOALS, MetricsJob.Group.SURVEYS,
                MetricsJob.Group.DATA_QUALITY, MetricsJob.Group.TURNOVER);
        // A refresh recomputing some groups only: the same rule over those.
        assertThat(MetricsJob.startOrder(List.of(MetricsJob.Group.SURVEYS, MetricsJob.Group.RETENTION), 2))
                .containsExactly(MetricsJob.Group.RETENTION, MetricsJob.Group.SURVEYS);
    }

    @Test
    // Waiting for the hours-long job instead of stopping it fails here rather than hanging the build.
    @org.junit.jupiter.api.Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aFailureCancelsTheOtherGroupsSparkJobAndIsReportedOnlyAfterItStopped() throws Exception {
        SparkSession spark = SharedSpark.get();
        CountDownLatch longJobStarted = new CountDownLatch(1);
        CountDownLatch longJobEnded = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger longJob = new java.util.concurrent.atomic.AtomicInteger(-1);
        SparkListener listener = new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart jobStart) {
                longJob.compareAndSet(-1, jobStart.jobId());
                longJobStarted.countDown();
            }

            @Override
            public void onJobEnd(org.apache.spark.scheduler.SparkListenerJobEnd jobEnd) {
                if (jobEnd.jobId() == longJob.get()) {
                    longJobEnded.countDown();
                }
            }
        };
        spark.sparkContext().addSparkListener(listener);
        AtomicBoolean longGroupStopped = new AtomicBoolean();
        try {
            // A job that would run for hours unless cancelled. Were it not, runAll would wait for it and then
            // report that a group did not stop, not the contract violation.
            Runnable longGroup = () -> {
                try {
                    spark.range(0, 10_000_000_000_000L, 1, 2).selectExpr("sum(sqrt(id))").collectAsList();
                } finally {
                    longGroupStopped.set(true);
                }
            };
            Runnable failingGroup = () -> {
                try {
                    if (!longJobStarted.await(2, TimeUnit.MINUTES)) {
                        throw new IllegalStateException("the long job never started");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new ContractViolation("mart_goals breaks its contract: 1 duplicate [program_id] keys");
            };
            Throwable thrown = catchThrowable(() -> MetricsJob.runAll(spark, List.of(longGroup, failingGroup), 2));

            assertThat(thrown).isInstanceOf(ContractViolation.class).hasMessageContaining("mart_goals");
            assertThat(longGroupStopped).isTrue();
            // The job was stopped, not left running: its end arrives (an hours-long job would not end here).
            assertThat(longJobEnded.await(1, TimeUnit.MINUTES)).isTrue();
        } finally {
            spark.sparkContext().removeSparkListener(listener);
        }
    }
}
