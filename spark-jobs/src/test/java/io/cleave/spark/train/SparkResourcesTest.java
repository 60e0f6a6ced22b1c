package io.cleave.spark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.spark.testing.TestSpark;
import io.cleave.train.metrics.ResourceUsage;
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Test;

class SparkResourcesTest {

    @Test
    void countsBroadcastsUntilDestroyedAndPersistedRddsUntilUnpersisted() {
        SparkContext sc = TestSpark.session().sparkContext();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sc);
        ResourceUsage before = SparkResources.sample(sc);
        Broadcast<int[]> broadcast = jsc.broadcast(new int[] {1, 2, 3});
        JavaRDD<Integer> rdd = jsc.parallelize(List.of(1, 2, 3, 4), 2).persist(StorageLevel.MEMORY_ONLY());
        assertEquals(4, rdd.count());
        ResourceUsage during = SparkResources.sample(sc);
        assertTrue(SparkResources.liveBroadcastIds().contains(broadcast.id()));
        assertEquals(before.persistedRdds() + 1, during.persistedRdds());
        broadcast.destroy(true);
        rdd.unpersist(true);
        assertFalse(SparkResources.liveBroadcastIds().contains(broadcast.id()));
        assertEquals(before.persistedRdds(), SparkResources.sample(sc).persistedRdds());
    }
}
