package io.cleave.spark.kryo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.spark.executor.PartitionGradient;
import io.cleave.spark.rows.TrajectoryRow;
import io.cleave.spark.testing.RandomBatches;
import io.cleave.spark.testing.TestSpark;
import io.cleave.train.update.LossGradient;
import io.cleave.train.update.TrainingSequence;
import io.cleave.train.update.WeightedSequence;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import scala.Tuple2;
import scala.reflect.ClassTag$;

/**
 * Kryo with {@code spark.kryo.registrationRequired=true}: the registrator makes rows serializable, its absence is
 * detected, and a job that shuffles rows and broadcasts arrays runs (the shared test session uses this setting, so
 * every Spark test in this module runs under it too).
 */
class CleaveKryoRegistratorTest {

    private static SerializerInstance kryo(boolean withRegistrator) {
        SparkConf conf = new SparkConf(false).set("spark.kryo.registrationRequired", "true");
        if (withRegistrator) {
            CleaveKryoRegistrator.configure(conf, true);
        }
        return new KryoSerializer(conf).newInstance();
    }

    @Test
    void rowsRoundTripThroughKryo() {
        TrajectoryRow row = RandomBatches.generate(2, 1, 5, 0).rows().get(0);
        SerializerInstance kryo = kryo(true);
        ByteBuffer bytes = kryo.serialize(row, ClassTag$.MODULE$.apply(TrajectoryRow.class));
        TrajectoryRow back = kryo.deserialize(bytes, ClassTag$.MODULE$.apply(TrajectoryRow.class));
        assertEquals(row.getPromptId(), back.getPromptId());
        assertEquals(row.getIteration(), back.getIteration());
        assertArrayEquals(row.getTokens(), back.getTokens());
        assertArrayEquals(row.getPolicyMask(), back.getPolicyMask());
        assertArrayEquals(row.getTokenText(), back.getTokenText());
        assertArrayEquals(row.getPath(), back.getPath());
        assertArrayEquals(row.getOldLogp(), back.getOldLogp());
        assertEquals(row.getReward(), back.getReward());
    }

    @Test
    void updateShardsRoundTripThroughKryo() {
        SerializerInstance kryo = kryo(true);
        TrainingSequence row = new TrainingSequence(new int[] {4, 5, 6}, 1, new boolean[] {true, false},
                new float[] {-0.5f, -1f}, new float[] {2f, 0f}, new int[] {3, 3});
        WeightedSequence weighted = new WeightedSequence(row, new float[] {0.25f, 0f});
        WeightedSequence weightedBack = kryo.deserialize(
                kryo.serialize(weighted, ClassTag$.MODULE$.apply(WeightedSequence.class)),
                ClassTag$.MODULE$.apply(WeightedSequence.class));
        assertArrayEquals(row.sequence(), weightedBack.row().sequence());
        assertArrayEquals(row.policyMask(), weightedBack.row().policyMask());
        assertArrayEquals(row.oldLogProbs(), weightedBack.row().oldLogProbs());
        assertArrayEquals(row.macroActions(), weightedBack.row().macroActions());
        assertArrayEquals(weighted.weights(), weightedBack.weights());

        LinkedHashMap<String, float[]> gradients = new LinkedHashMap<>();
        gradients.put("model.norm.weight", new float[] {0.5f, -2f});
        gradients.put("lm_head.weight", new float[] {3f});
        PartitionGradient outcome = new PartitionGradient(1, new LossGradient(gradients, -0.75, 12, 3, 0.1, 24));
        PartitionGradient back = kryo.deserialize(
                kryo.serialize(outcome, ClassTag$.MODULE$.apply(PartitionGradient.class)),
                ClassTag$.MODULE$.apply(PartitionGradient.class));
        assertEquals(1, back.partition());
        assertEquals(List.copyOf(gradients.keySet()), List.copyOf(back.gradients().gradients().keySet()));
        assertArrayEquals(new float[] {0.5f, -2f}, back.gradients().gradients().get("model.norm.weight"));
        assertEquals(-0.75, back.gradients().loss());
        assertEquals(12, back.gradients().policyTokens());
        assertEquals(0.25, back.gradients().clipFraction());
    }

    @Test
    void withoutTheRegistratorRowsAreRefused() {
        TrajectoryRow row = RandomBatches.generate(2, 1, 5, 0).rows().get(0);
        Exception e = assertThrows(Exception.class,
                () -> kryo(false).serialize(row, ClassTag$.MODULE$.apply(TrajectoryRow.class)));
        assertTrue(e.getMessage().contains("Class is not registered: " + TrajectoryRow.class.getName()),
                e.getMessage());
    }

    @Test
    void jobShufflingRowsAndBroadcastingArraysRunsWithRegistrationRequired() {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(TestSpark.session().sparkContext());
        assertEquals("true", jsc.getConf().get("spark.kryo.registrationRequired"));
        List<TrajectoryRow> rows = RandomBatches.generate(4, 6, 0, 0).rows();
        Broadcast<float[][]> scale = jsc.broadcast(new float[][] {{2f}});
        Map<String, Double> actual = new TreeMap<>(jsc.parallelize(rows, 3)
                .mapToPair(r -> new Tuple2<>(r.getPromptId(), r))
                .groupByKey(2)
                .mapValues(group -> {
                    double sum = 0;
                    for (TrajectoryRow r : group) {
                        sum += scale.value()[0][0] * Arrays.stream(r.getTokens()).sum();
                    }
                    return sum;
                })
                .collectAsMap());
        Map<String, Double> expected = new TreeMap<>();
        for (TrajectoryRow r : rows) {
            expected.merge(r.getPromptId(), 2.0 * Arrays.stream(r.getTokens()).sum(), Double::sum);
        }
        assertEquals(expected, actual);
    }
}
