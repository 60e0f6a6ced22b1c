package io.cleave.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.algo.advantage.AdvantageEstimators;
import io.cleave.algo.advantage.AdvantagesRequest;
import io.cleave.spark.advantage.SparkAdvantages;
import io.cleave.spark.home.SparkHome;
import io.cleave.spark.rows.TrajectoryRow;
import io.cleave.spark.rows.TrajectoryRows;
import io.cleave.tests.harness.LocalCluster;
import io.cleave.tests.harness.TestClasspath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * {@code local-cluster[2,1,1024]}: tasks reach both executor JVMs, and the advantages of a branched batch, computed
 * on them (core's estimators shipped inside the query's functions) with Kryo {@code registrationRequired}, are bit
 * for bit core's in one process, for every estimator.
 */
class LocalClusterIT {

    @Test
    void sparkHomeLinksThirdPartyJarsOnly() throws IOException {
        SparkHome home = TestClasspath.sparkHome();
        assertEquals(0, Files.size(home.dir().resolve("RELEASE")));
        try (Stream<Path> links = Files.list(home.jars())) {
            List<Path> jars = links.toList();
            assertTrue(jars.stream().allMatch(Files::isSymbolicLink));
            assertTrue(jars.stream().anyMatch(p -> p.getFileName().toString().startsWith("spark-core_2.13-")));
            assertTrue(jars.stream().noneMatch(p -> p.getFileName().toString().startsWith("cleave")), jars::toString);
        }
    }

    @Test
    void bothExecutorJvmsRunTasksAndAdvantagesMatchCore() {
        long driverPid = ProcessHandle.current().pid();
        try (LocalCluster cluster = LocalCluster.start(2, 1, 1024, Map.of())) {
            List<String> workers = cluster.spark().range(0, 8, 1, 8)
                    .map((MapFunction<Long, String>) i -> SparkEnv.get().executorId() + "@"
                            + ProcessHandle.current().pid(), Encoders.STRING())
                    .distinct().collectAsList();
            Set<String> executorIds = new TreeSet<>();
            Set<String> pids = new TreeSet<>();
            for (String w : workers) {
                executorIds.add(w.substring(0, w.indexOf('@')));
                pids.add(w.substring(w.indexOf('@') + 1));
            }
            assertEquals(Set.of("0", "1"), executorIds, "tasks ran on both executors: " + workers);
            assertEquals(2, pids.size(), "in two JVMs: " + workers);
            assertFalse(pids.contains(Long.toString(driverPid)), "neither is the driver's JVM");

            AdvantagesRequest request = Batches.request(Batches.BRANCHED);
            Dataset<TrajectoryRow> trajectories = cluster.spark()
                    .createDataset(TrajectoryRows.fromRequest(0, request), Encoders.bean(TrajectoryRow.class))
                    .repartition(2);
            for (String estimator : AdvantageEstimators.names()) {
                Batches.assertCoreAdvantages(request, estimator, 0,
                        collect(SparkAdvantages.compute(trajectories, estimator)));
            }
        }
    }

    /** "promptId/sampleIndex" to advantages. */
    static Map<String, float[]> collect(Dataset<Row> scored) {
        Map<String, float[]> out = new HashMap<>();
        for (Row row : scored.select(TrajectoryRow.PROMPT_ID, TrajectoryRow.SAMPLE_INDEX, SparkAdvantages.ADVANTAGES)
                .collectAsList()) {
            List<Float> values = row.getList(2);
            float[] a = new float[values.size()];
            for (int t = 0; t < a.length; t++) {
                a[t] = values.get(t);
            }
            out.put(row.getString(0) + "/" + row.getInt(1), a);
        }
        return out;
    }
}
