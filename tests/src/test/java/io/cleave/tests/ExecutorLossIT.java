package io.cleave.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.cleave.model.io.ModelDirectory;
import io.cleave.spark.train.SparkTrainer;
import io.cleave.spark.train.TrainSummary;
import io.cleave.tests.harness.LocalCluster;
import io.cleave.train.config.TrainConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An executor JVM killed (SIGKILL) in the middle of iteration 2's rollout on {@code local-cluster[2,1,1024]}: Spark
 * re-runs the lost work, the worker starts a new executor that loads the weights again, and because every random
 * draw derives from (seed, iteration, prompt, branch), the run's trajectories (Parquet) and the weights after that
 * iteration are bit-identical to a run without the fault.
 */
class ExecutorLossIT {

    private static final int ITERATIONS = 2;

    @TempDir
    Path tmp;

    @Test
    void aKilledExecutorCostsNothing() throws Exception {
        Path clean = tmp.resolve("clean");
        Path faulty = tmp.resolve("faulty");
        TrainSummary expected;
        try (LocalCluster cluster = LocalCluster.start(2, 1, 1024, Map.of())) {
            expected = SparkTrainer.run(config(clean), null, false, quiet());
        }
        TrainSummary actual;
        ExecutorKiller killer;
        try (LocalCluster cluster = LocalCluster.start(2, 1, 1024, Map.of("spark.task.maxFailures", "4"))) {
            killer = ExecutorKiller.attach(cluster.spark(), "iteration 2: rollout");
            actual = SparkTrainer.run(config(faulty), null, false, quiet());
        }
        assertNotNull(killer.killedExecutor(), "an executor was killed in iteration 2's rollout stage");
        assertEquals(1, killer.removedExecutors(), "Spark lost the killed executor (failed tasks of the stage: "
                + killer.failedTasks() + ")");
        assertEquals(ITERATIONS, actual.lastIteration());

        Map<String, float[]> want = ModelDirectory.readWeights(expected.finalWeights());
        Map<String, float[]> got = ModelDirectory.readWeights(actual.finalWeights());
        assertEquals(want.keySet(), got.keySet());
        want.forEach((name, w) -> assertArrayEquals(w, got.get(name), name));
        try (SparkSession spark = SparkSession.builder().master("local[1]").appName("read-trajectories")
                .config("spark.ui.enabled", "false").getOrCreate()) {
            List<Row> wantRows = sortedTrajectories(spark, clean);
            List<Row> gotRows = sortedTrajectories(spark, faulty);
            assertEquals(4 * 4 * ITERATIONS, wantRows.size());
            Object firstTokens = wantRows.get(0).getAs("tokens");
            Object secondTokens = wantRows.get(1).getAs("tokens");
            assertNotEquals(firstTokens, secondTokens, "sampled trajectories differ");
            assertEquals(wantRows, gotRows, "identical trajectories, rewards, log-probs and advantages");
        }
    }

    private static List<Row> sortedTrajectories(SparkSession spark, Path runDir) {
        return spark.read().parquet(runDir.resolve("trajectories").toString())
                .orderBy("iteration", "promptId", "sampleIndex").collectAsList();
    }

    private static TrainConfig config(Path runDir) {
        return TrainConfig.fromSets(FaultRuns.randomTinyRun(runDir, ITERATIONS)).with("spark.master",
                "local-cluster[2,1,1024]");
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream());
    }
}
