package io.cleave.spark.kryo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cleave.spark.testing.TestSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's trajectories are a Parquet table partitioned by iteration; past
 * {@code spark.sql.sources.parallelPartitionDiscovery.threshold} (32) partition directories Spark lists them with a
 * job of its own, whose tasks and results Kryo must serialize with registration required.
 */
class PartitionedReadTest {

    @TempDir
    Path tmp;

    @Test
    void readsATableWithMorePartitionsThanTheParallelListingThreshold() {
        SparkSession spark = TestSpark.session();
        int threshold = Integer.parseInt(spark.conf().get("spark.sql.sources.parallelPartitionDiscovery.threshold"));
        int iterations = threshold + 8;
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i <= iterations; i++) {
            rows.add(RowFactory.create(i, (double) i));
        }
        StructType schema = new StructType().add("iteration", DataTypes.IntegerType).add("reward", DataTypes.DoubleType);
        String table = tmp.resolve("trajectories").toString();
        spark.createDataFrame(rows, schema).write().partitionBy("iteration").parquet(table);

        Dataset<Row> read = spark.read().schema(schema).parquet(table);
        Row sums = read.agg(functions.count("*"), functions.sum("iteration"), functions.sum("reward")).first();

        assertEquals(iterations, sums.getLong(0));
        assertEquals(iterations * (iterations + 1) / 2, sums.getLong(1));
        assertEquals(iterations * (iterations + 1) / 2.0, sums.getDouble(2), 0.0);
    }
}
