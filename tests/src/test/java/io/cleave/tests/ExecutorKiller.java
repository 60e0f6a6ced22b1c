package io.cleave.tests;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.sql.SparkSession;

/**
 * Kills (SIGKILL) the executor JVM that runs the first task of the first stage whose job description starts with a
 * prefix (e.g. {@code "iteration 2: rollout"}), as a crash or the OOM killer would. The JVM is found among this
 * process's descendants (local-cluster workers start executors as children) by its command line:
 * {@code CoarseGrainedExecutorBackend ... --executor-id N ... --app-id APP}. Counts what Spark saw afterwards.
 */
final class ExecutorKiller extends SparkListener {

    private final String prefix;
    private final String appId;
    private final AtomicInteger stage = new AtomicInteger(-1);
    private final AtomicBoolean killed = new AtomicBoolean();
    private final AtomicReference<String> killedExecutor = new AtomicReference<>();
    private final AtomicInteger failedTasks = new AtomicInteger();
    private final AtomicInteger removedExecutors = new AtomicInteger();
    private final AtomicReference<String> problem = new AtomicReference<>();

    private ExecutorKiller(String prefix, String appId) {
        this.prefix = prefix;
        this.appId = appId;
    }

    /** Attaches a killer to {@code spark}. */
    static ExecutorKiller attach(SparkSession spark, String prefix) {
        ExecutorKiller killer = new ExecutorKiller(prefix, spark.sparkContext().applicationId());
        spark.sparkContext().addSparkListener(killer);
        return killer;
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
        String description = submitted.properties() == null ? null
                : submitted.properties().getProperty("spark.job.description");
        if (description != null && description.startsWith(prefix)) {
            stage.compareAndSet(-1, submitted.stageInfo().stageId());
        }
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart start) {
        if (start.stageId() != stage.get() || !killed.compareAndSet(false, true)) {
            return;
        }
        String executor = start.taskInfo().executorId();
        List<ProcessHandle> jvms = ProcessHandle.current().descendants().filter(p -> isExecutor(p, executor))
                .toList();
        if (jvms.size() != 1) {
            problem.set("expected one JVM of executor " + executor + " of " + appId + ", found " + jvms.size());
            return;
        }
        killedExecutor.set(executor);
        jvms.get(0).destroyForcibly();
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.stageId() == stage.get() && !(end.reason() instanceof Success$)) {
            failedTasks.incrementAndGet();
        }
    }

    @Override
    public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
        if (removed.executorId().equals(killedExecutor.get())) {
            removedExecutors.incrementAndGet();
        }
    }

    private boolean isExecutor(ProcessHandle process, String executor) {
        List<String> args = process.info().arguments().map(Arrays::asList).orElse(List.of());
        int id = args.indexOf("--executor-id");
        int app = args.indexOf("--app-id");
        return process.info().command().orElse("").endsWith("java")
                && args.contains("org.apache.spark.executor.CoarseGrainedExecutorBackend")
                && id >= 0 && id + 1 < args.size() && args.get(id + 1).equals(executor)
                && app >= 0 && app + 1 < args.size() && args.get(app + 1).equals(appId);
    }

    /** The executor id killed, or null; fails when the JVM could not be found. */
    String killedExecutor() {
        if (problem.get() != null) {
            throw new IllegalStateException(problem.get());
        }
        return killedExecutor.get();
    }

    /** Tasks of the stage that ended other than in success. */
    int failedTasks() {
        return failedTasks.get();
    }

    /** Times Spark reported the killed executor removed. */
    int removedExecutors() {
        return removedExecutors.get();
    }
}
