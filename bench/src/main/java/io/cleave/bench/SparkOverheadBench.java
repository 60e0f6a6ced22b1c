package io.cleave.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cleave.cli.DemoSettings;
import io.cleave.spark.train.SparkTrainer;
import io.cleave.train.config.TrainConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Spark overhead benchmark for the demo config: runs GPG iterations on {@code local-cluster} with 1 and then 2
 * single-core executors and reports (a) the share of iteration wall time spent outside rollout and gradient
 * compute (scheduling, broadcast, Spark SQL, serialization) and (b) the rollout-phase speed-up of 2 executors over
 * 1. The first iteration of each run (executor start-up, native library loading) is not counted.
 *
 * <p>Usage: {@code SparkOverheadBench MODEL_DIR ITERATIONS WORK_DIR}; {@code bench/spark-overhead.sh} prepares
 * SPARK_HOME and the application jars.
 */
public final class SparkOverheadBench {

    private SparkOverheadBench() {}

    /** Runs both configurations and prints the report. */
    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        int iterations = Integer.parseInt(args[1]);
        Path work = Path.of(args[2]);
        List<String> report = new ArrayList<>();
        double[] rollout = new double[2];
        for (int executors = 1; executors <= 2; executors++) {
            Path runDir = work.resolve("executors-" + executors);
            List<String> sets = new ArrayList<>(List.of("model.dir=" + model, "run.dir=" + runDir,
                    "run.iterations=" + iterations, "task.eval-every=0", "checkpoint.every=" + iterations));
            sets.addAll(DemoSettings.TRAIN_SETTINGS);
            System.setProperty("spark.executor.extraJavaOptions", "-Dai.djl.pytorch.num_threads=1 "
                    + "-Dai.djl.pytorch.num_interop_threads=1 -Dai.djl.offline=true");
            System.setProperty("spark.executor.memory", "2g");
            SparkTrainer.run(TrainConfig.fromSets(sets), "local-cluster[" + executors + ",1,3072]", false,
                    new PrintStream(new ByteArrayOutputStream()));
            Means m = Means.of(runDir.resolve("metrics.jsonl"));
            rollout[executors - 1] = m.rollout;
            double outside = m.iteration - m.rolloutCompute - m.update;
            report.add(String.format(Locale.ROOT, "%-10d %10.2f %10.2f %10.2f %10.2f %10.2f %9.1f%%", executors,
                    m.iteration, m.rollout, m.rolloutCompute, m.update, outside, 100 * outside / m.iteration));
        }
        System.out.printf(Locale.ROOT, "Spark overhead, demo config, %d iterations per run (first not counted)%n",
                iterations);
        System.out.printf(Locale.ROOT, "%-10s %10s %10s %10s %10s %10s %10s%n", "executors", "iter s", "rollout s",
                "roll cmp s", "update s", "outside s", "outside");
        report.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%nrollout-phase speed-up, 2 single-core executors vs 1: %.2fx (target >= 1.6x)%n",
                rollout[0] / rollout[1]);
        System.out.printf(Locale.ROOT, "overhead target: outside share <= 15%% of the iteration%n");
    }

    /** Mean per-iteration timings, skipping the first iteration. */
    private record Means(double iteration, double rollout, double rolloutCompute, double update) {
        static Means of(Path metrics) throws Exception {
            List<String> lines = Files.readAllLines(metrics);
            double it = 0;
            double ro = 0;
            double rc = 0;
            double up = 0;
            int n = 0;
            for (String line : lines.subList(1, lines.size())) {
                JsonObject row = JsonParser.parseString(line).getAsJsonObject();
                it += row.get("iteration_seconds").getAsDouble();
                ro += row.get("rollout_seconds").getAsDouble();
                rc += row.get("rollout_compute_seconds").getAsDouble();
                up += row.get("update_seconds").getAsDouble();
                n++;
            }
            return new Means(it / n, ro / n, rc / n, up / n);
        }
    }
}
