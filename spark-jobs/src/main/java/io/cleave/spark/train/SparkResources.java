package io.cleave.spark.train;

import io.cleave.train.metrics.ResourceUsage;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkEnv;
import org.apache.spark.storage.BlockId;
import org.apache.spark.storage.BroadcastBlockId;
import scala.jdk.javaapi.CollectionConverters;

/**
 * What the Spark driver keeps alive, for the metrics row's {@link ResourceUsage}: broadcast variables with a block
 * in the driver's block manager and RDDs marked persistent. Broadcasts Spark makes for itself (task binaries,
 * broadcast joins) are counted until its context cleaner removes them after a garbage collection.
 */
public final class SparkResources {

    private SparkResources() {}

    /** Samples this JVM and the driver of {@code sc}. */
    public static ResourceUsage sample(SparkContext sc) {
        return ResourceUsage.sample(liveBroadcastIds().size(), sc.getPersistentRDDs().size());
    }

    /** Ids of the broadcasts with a block (value or piece) in this JVM's block manager; empty without Spark. */
    public static Set<Long> liveBroadcastIds() {
        SparkEnv env = SparkEnv.get();
        Set<Long> ids = new TreeSet<>();
        if (env == null) {
            return ids;
        }
        List<BlockId> blocks = CollectionConverters.asJava(
                env.blockManager().getMatchingBlockIds(id -> id instanceof BroadcastBlockId));
        for (BlockId block : blocks) {
            ids.add(((BroadcastBlockId) block).broadcastId());
        }
        return ids;
    }
}
