package io.cleave.tests.harness;

import io.cleave.spark.home.SparkHome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code spark-submit} in its own JVM: {@code org.apache.spark.deploy.SparkSubmit} from a {@link SparkHome}'s jars,
 * client deploy mode (the driver runs in that JVM), the Spark UI off.
 *
 * <pre>
 *   SparkSubmit.Result r = SparkSubmit.run(home, dir.resolve("submit.log"), cluster.masterUrl(),
 *           "io.cleave.spark.job.AdvantagesJob", ApplicationJars.sparkJobsJar(),
 *           ApplicationJars.sparkJobsDependencies(), Map.of(), List.of("in.json", "out"), Duration.ofMinutes(2));
 * </pre>
 */
public final class SparkSubmit {

    /**
     * A finished submission.
     *
     * @param exitCode the JVM's exit code
     * @param output   its stdout and stderr
     */
    public record Result(int exitCode, String output) {}

    private SparkSubmit() {}

    /**
     * Submits {@code appJar} and waits for the driver to finish; on timeout stops it and fails.
     *
     * @param log     file that receives the driver's stdout and stderr
     * @param jars    further jars for driver and executors ({@code --jars})
     * @param conf    {@code --conf} settings, after the harness's defaults (UI off, 2 shuffle partitions, 512 MB
     *                driver and executor memory)
     * @param appArgs the application's arguments
     */
    public static Result run(SparkHome home, Path log, String master, String mainClass, Path appJar, List<Path> jars,
                             Map<String, String> conf, List<String> appArgs, Duration timeout) {
        List<String> args = new ArrayList<>(List.of("--master", master, "--deploy-mode", "client",
                "--class", mainClass, "--driver-memory", "512m", "--executor-memory", "512m",
                "--conf", "spark.ui.enabled=false", "--conf", "spark.sql.shuffle.partitions=2"));
        if (!jars.isEmpty()) {
            args.add("--jars");
            args.add(jars.stream().map(Path::toString).collect(Collectors.joining(",")));
        }
        conf.forEach((k, v) -> {
            args.add("--conf");
            args.add(k + "=" + v);
        });
        args.add(appJar.toString());
        args.addAll(appArgs);
        try (JavaProcess submit = JavaProcess.start("spark-submit " + mainClass, log, home.classpath(),
                List.of("-Xmx512m"), "org.apache.spark.deploy.SparkSubmit", args, home.environment())) {
            int code = submit.awaitExit(timeout);
            return new Result(code, submit.log());
        }
    }
}
