package io.cleave.spark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.spark.testing.TestSpark;
import io.cleave.train.run.RunStoppedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrajectoryWriterTest {

    @TempDir
    Path tmp;

    private final SparkSession spark = TestSpark.session();
    private final JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());

    @Test
    void everySubmittedIterationIsInTheTableAfterCloseAndTheCacheIsReleased() {
        String table = tmp.resolve("trajectories").toString();
        Dataset<Row> first = cachedRows(3);
        Dataset<Row> second = cachedRows(5);
        try (TrajectoryWriter writer = new TrajectoryWriter(jsc, table)) {
            writer.submit(1, first.withColumn("iteration", functions.lit(1)), first);
            writer.submit(2, second.withColumn("iteration", functions.lit(2)), second);
        }
        List<Row> counts = spark.read().parquet(table).groupBy("iteration").count().orderBy("iteration")
                .collectAsList();
        assertEquals(List.of(1, 2), counts.stream().map(r -> r.getInt(0)).toList());
        assertEquals(List.of(3L, 5L), counts.stream().map(r -> r.getLong(1)).toList());
        assertEquals(StorageLevel.NONE(), first.storageLevel());
        assertEquals(StorageLevel.NONE(), second.storageLevel());
    }

    @Test
    void aFailedWriteStopsTheRunAtTheNextWaitWithTheTableAndTheCause() throws Exception {
        Path table = Files.writeString(tmp.resolve("trajectories"), "a file where the table's directory must go");
        Dataset<Row> rows = cachedRows(2);
        TrajectoryWriter writer = new TrajectoryWriter(jsc, table.toString());
        writer.submit(1, rows.withColumn("iteration", functions.lit(1)), rows);
        RunStoppedException stop = assertThrows(RunStoppedException.class, writer::await);
        assertTrue(stop.getMessage().startsWith("cannot write trajectories to " + table + ": "), stop.getMessage());
        assertEquals(1, stop.getMessage().lines().count(), stop.getMessage());
        assertEquals(StorageLevel.NONE(), rows.storageLevel());
        writer.close();
    }

    private Dataset<Row> cachedRows(int n) {
        Dataset<Row> rows = spark.range(n).toDF("sampleIndex").persist(StorageLevel.MEMORY_AND_DISK());
        assertEquals(n, rows.count());
        return rows;
    }
}
