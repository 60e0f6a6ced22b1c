package io.cleave.spark.kryo;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import io.cleave.spark.executor.JobSpec;
import io.cleave.spark.executor.PartitionGradient;
import io.cleave.spark.executor.PromptBatch;
import io.cleave.spark.executor.PromptTask;
import io.cleave.spark.executor.RolloutRecord;
import io.cleave.spark.executor.RolloutSummary;
import io.cleave.spark.executor.WeightsPayload;
import io.cleave.spark.rows.TrajectoryRow;
import io.cleave.train.update.LossGradient;
import io.cleave.train.update.TrainingSequence;
import io.cleave.train.update.WeightedSequence;
import java.util.List;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoRegistrator;
import org.apache.spark.serializer.KryoSerializer;

/**
 * Registers with Kryo every class Cleave ships between driver and executors: the row beans, the primitive and
 * string arrays they hold, and the few Spark classes that Spark SQL shuffles or broadcasts without registering
 * them itself. With it, Cleave's jobs run with {@code spark.kryo.registrationRequired=true}.
 *
 * <pre>
 *   SparkConf conf = CleaveKryoRegistrator.configure(new SparkConf(), true);
 * </pre>
 */
public final class CleaveKryoRegistrator implements KryoRegistrator {

    /**
     * Records shipped between driver and executors by the training job. Kryo's field serializer cannot set a
     * record's final fields, so they travel with Java serialization inside Kryo (their contents need no
     * registration of their own).
     */
    public static final List<Class<?>> JAVA_SERIALIZED = List.of(PromptTask.class, PromptBatch.class,
            RolloutRecord.class, WeightsPayload.class, JobSpec.class, RolloutSummary.class, TrainingSequence.class,
            WeightedSequence.class, LossGradient.class, PartitionGradient.class);

    /**
     * What Spark's parallel file listing ships (a table with more partition directories than
     * {@code spark.sql.sources.parallelPartitionDiscovery.threshold}, such as a long run's trajectories): the paths
     * to its tasks, file statuses back. Hadoop makes them {@link java.io.Serializable}; they travel as Java objects,
     * their arrays with Kryo's array serializer.
     */
    public static final List<Class<?>> HADOOP_LISTING = List.of(Path.class, FileStatus.class,
            LocatedFileStatus.class, BlockLocation.class);

    /** Cleave's own classes and the arrays they contain, registered in this order. */
    public static final List<Class<?>> CLEAVE_CLASSES = List.of(
            TrajectoryRow.class, TrajectoryRow[].class, int[].class, int[][].class, long[].class, float[].class,
            float[][].class, double[].class, double[][].class, boolean[].class, byte[].class, byte[][].class,
            String[].class);

    /** Creates the registrator (Spark instantiates it by name on the driver and on every executor). */
    public CleaveKryoRegistrator() {
    }

    @Override
    public void registerClasses(Kryo kryo) {
        for (Class<?> c : CLEAVE_CLASSES) {
            kryo.register(c);
        }
        for (Class<?> c : JAVA_SERIALIZED) {
            kryo.register(c, new JavaSerializer());
        }
        for (Class<?> c : HADOOP_LISTING) {
            kryo.register(c, new JavaSerializer());
            kryo.register(c.arrayType());
        }
    }

    /**
     * Sets Kryo as Spark's serializer with this registrator.
     *
     * @param registrationRequired whether Kryo must refuse unregistered classes (a test of this registrator's
     *                             completeness; costs nothing at run time)
     * @return {@code conf}
     */
    public static SparkConf configure(SparkConf conf, boolean registrationRequired) {
        return conf.set("spark.serializer", KryoSerializer.class.getName())
                .set("spark.kryo.registrator", CleaveKryoRegistrator.class.getName())
                .set("spark.kryo.registrationRequired", Boolean.toString(registrationRequired));
    }
}
