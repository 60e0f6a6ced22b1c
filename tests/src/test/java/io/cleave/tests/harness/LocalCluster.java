package io.cleave.tests.harness;

import io.cleave.spark.kryo.CleaveKryoRegistrator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * A Spark session on {@code local-cluster[executors, cores, memoryMb]}: the driver in the test JVM, a master and
 * workers in-process, and real executor JVMs launched from {@link TestClasspath#sparkHome()} with Cleave's JVM
 * flags ({@link JvmFlags}, as {@code cleave bench scaling} starts them). Cleave's jars and the IT classes reach
 * executors as jars ({@link ApplicationJars#forIntegrationTests}); Kryo is on with
 * {@code registrationRequired}; the UI is off; shuffles use 2 partitions. {@link #start} returns once every executor
 * has registered; {@link #close()} stops the session and with it the executor JVMs.
 *
 * <pre>
 *   try (LocalCluster cluster = LocalCluster.start(2, 1, 1024, Map.of())) {
 *       cluster.spark().range(10).count();
 *   }
 * </pre>
 */
public final class LocalCluster implements AutoCloseable {

    private static final Duration EXECUTOR_TIMEOUT = Duration.ofSeconds(90);

    private final SparkSession spark;

    private LocalCluster(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * Starts the cluster and waits for its executors.
     *
     * @param conf further settings, applied last
     */
    public static LocalCluster start(int executors, int cores, int memoryMb, Map<String, String> conf) {
        TestClasspath.sparkHome();
        Path jarsDir = ApplicationJars.basedir().resolve("target").resolve("it-jars");
        SparkConf sparkConf = CleaveKryoRegistrator.configure(new SparkConf(), true)
                .setMaster("local-cluster[" + executors + "," + cores + "," + memoryMb + "]")
                .setAppName("cleave-it")
                .set("spark.jars", ApplicationJars.forIntegrationTests(jarsDir).stream().map(Path::toString)
                        .collect(Collectors.joining(",")))
                .set("spark.executor.memory", memoryMb + "m")
                .set("spark.executor.extraJavaOptions", JvmFlags.argumentFile())
                .set("spark.ui.enabled", "false")
                .set("spark.sql.shuffle.partitions", "2");
        conf.forEach(sparkConf::set);
        SparkSession spark = SparkSession.builder().config(sparkConf).getOrCreate();
        LocalCluster cluster = new LocalCluster(spark);
        try {
            cluster.awaitExecutors(executors);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void awaitExecutors(int executors) {
        long deadline = System.nanoTime() + EXECUTOR_TIMEOUT.toNanos();
        while (spark.sparkContext().statusTracker().getExecutorInfos().length < executors + 1) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + (spark.sparkContext().statusTracker()
                        .getExecutorInfos().length - 1) + " of " + executors + " executors registered within "
                        + EXECUTOR_TIMEOUT + "; see the executor logs under $SPARK_HOME/work");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for executors", e);
            }
        }
    }

    /** The session. */
    public SparkSession spark() {
        return spark;
    }

    /** Stops the session, its workers and executor JVMs. */
    @Override
    public void close() {
        spark.stop();
    }
}
