package io.cleave.tests.harness;

import io.cleave.spark.home.SparkHome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A Spark standalone cluster on 127.0.0.1: one master and one worker, each its own JVM started from the jars of a
 * {@link SparkHome} ({@code org.apache.spark.deploy.master.Master}, {@code org.apache.spark.deploy.worker.Worker}),
 * on free ports, logs in {@code workDir/master.log} and {@code workDir/worker.log}, executor folders under
 * {@code workDir/work}. {@link #close()} stops the worker (and its executors), then the master.
 *
 * <pre>
 *   try (StandaloneCluster cluster = StandaloneCluster.start(TestClasspath.sparkHome(), dir, 1, 1024)) {
 *       SparkSubmit.Result r = SparkSubmit.run(home, dir, cluster.masterUrl(), ...);
 *   }
 * </pre>
 */
public final class StandaloneCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> DAEMON_OPTIONS = List.of("-Xmx256m");

    private final JavaProcess master;
    private final JavaProcess worker;
    private final String masterUrl;

    private StandaloneCluster(JavaProcess master, JavaProcess worker, String masterUrl) {
        this.master = master;
        this.worker = worker;
        this.masterUrl = masterUrl;
    }

    /**
     * Starts the master, then a worker offering {@code cores} cores and {@code memoryMb} MB, and waits until the
     * worker has registered. Everything started is stopped again if start-up fails.
     */
    public static StandaloneCluster start(SparkHome home, Path workDir, int cores, int memoryMb) {
        int port = JavaProcess.freePort();
        String url = "spark://127.0.0.1:" + port;
        JavaProcess master = JavaProcess.start("spark master", workDir.resolve("master.log"), home.classpath(),
                DAEMON_OPTIONS, "org.apache.spark.deploy.master.Master",
                List.of("--host", "127.0.0.1", "--port", Integer.toString(port),
                        "--webui-port", Integer.toString(JavaProcess.freePort())),
                home.environment());
        JavaProcess worker = null;
        try {
            master.awaitLog("I have been elected leader", START_TIMEOUT);
            worker = JavaProcess.start("spark worker", workDir.resolve("worker.log"), home.classpath(),
                    DAEMON_OPTIONS, "org.apache.spark.deploy.worker.Worker",
                    List.of("--host", "127.0.0.1", "--webui-port", Integer.toString(JavaProcess.freePort()),
                            "--cores", Integer.toString(cores), "--memory", memoryMb + "M",
                            "--work-dir", workDir.resolve("work").toString(), url),
                    home.environment());
            worker.awaitLog("Successfully registered with master", START_TIMEOUT);
            return new StandaloneCluster(master, worker, url);
        } catch (RuntimeException e) {
            if (worker != null) {
                worker.close();
            }
            master.close();
            throw e;
        }
    }

    /** {@code spark://127.0.0.1:PORT}. */
    public String masterUrl() {
        return masterUrl;
    }

    /** The master's log so far. */
    public String masterLog() {
        return master.log();
    }

    /** The worker's log so far. */
    public String workerLog() {
        return worker.log();
    }

    /** Stops the worker and its executors, then the master. */
    @Override
    public void close() {
        try {
            worker.close();
        } finally {
            master.close();
        }
    }
}
