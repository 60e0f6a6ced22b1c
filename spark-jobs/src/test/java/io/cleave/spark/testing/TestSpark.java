package io.cleave.spark.testing;

import io.cleave.spark.kryo.CleaveKryoRegistrator;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of the spark-jobs unit tests, created once per test JVM: {@code local[2]}, UI off, two
 * shuffle partitions, and Kryo with {@code spark.kryo.registrationRequired=true} and
 * {@link CleaveKryoRegistrator}, so every test also checks that the registrator is complete. Spark's shutdown hook
 * stops it when the JVM exits.
 */
public final class TestSpark {

    private static SparkSession session;

    private TestSpark() {}

    /** The shared session. */
    public static synchronized SparkSession session() {
        if (session == null) {
            SparkConf conf = CleaveKryoRegistrator.configure(new SparkConf(), true)
                    .setMaster("local[2]")
                    .setAppName("cleave-spark-jobs-tests")
                    .set("spark.ui.enabled", "false")
                    .set("spark.sql.shuffle.partitions", "2")
                    .set("spark.default.parallelism", "2");
            session = SparkSession.builder().config(conf).getOrCreate();
        }
        return session;
    }
}
