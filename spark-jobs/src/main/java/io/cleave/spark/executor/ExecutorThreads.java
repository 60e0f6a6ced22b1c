package io.cleave.spark.executor;

import io.cleave.model.TorchRuntime;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.SparkEnv;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PyTorch's intra-op thread count in an executor JVM. Left alone, PyTorch starts one thread per core of the machine
 * in every executor, so several executors on one host (local-cluster, or a worker running more than one executor)
 * oversubscribe its cores: two single-core executors on a 2-core machine ran 4 compute threads and the rollout
 * sped up far less than 2x. Each task is given {@code spark.task.cpus} threads (concurrent tasks of one executor
 * each get their own), unless {@code ai.djl.pytorch.num_threads} was set explicitly. The driver, which also runs
 * local-mode tasks and the update, keeps its setting.
 */
final class ExecutorThreads {

    /** Spark's executor id of the driver ({@code SparkContext.DRIVER_IDENTIFIER}). */
    static final String DRIVER = "driver";

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorThreads.class);
    private static final AtomicBoolean CONFIGURED = new AtomicBoolean();

    private ExecutorThreads() {}

    /** Applies {@link #threadsFor} once per JVM (a no-op on the driver and outside Spark). */
    static void configure() {
        if (CONFIGURED.getAndSet(true)) {
            return;
        }
        SparkEnv env = SparkEnv.get();
        OptionalInt threads = threadsFor(env == null ? null : env.executorId(),
                System.getProperty("ai.djl.pytorch.num_threads"),
                env == null ? 1 : env.conf().getInt("spark.task.cpus", 1));
        if (threads.isPresent()) {
            TorchRuntime.setIntraOpThreads(threads.getAsInt());
            LOG.info("executor {}: {} intra-op thread(s) per task", env.executorId(), threads.getAsInt());
        }
    }

    /**
     * The intra-op threads to set, or empty to keep PyTorch's: empty outside Spark ({@code executorId} null), on the
     * driver, or when {@code explicitThreads} (the {@code ai.djl.pytorch.num_threads} property) is set; otherwise
     * {@code taskCpus} (at least 1).
     */
    static OptionalInt threadsFor(String executorId, String explicitThreads, int taskCpus) {
        if (executorId == null || executorId.equals(DRIVER) || explicitThreads != null) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Math.max(1, taskCpus));
    }
}
