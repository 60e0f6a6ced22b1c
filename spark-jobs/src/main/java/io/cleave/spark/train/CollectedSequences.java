package io.cleave.spark.train;

import io.cleave.rollout.engine.PromptSpec;
import io.cleave.train.update.TrainingSequence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * Collected rows {@code (promptId, sampleIndex, tokens, policyMask, oldLogp, tokenNode, advantages)} turned into
 * {@link TrainingSequence}s in prompt order then sample order, with macro-action ids made unique across the batch
 * as the single-process back-end makes them (each prompt's node ids offset by the node count of the prompts before).
 */
final class CollectedSequences {

    private CollectedSequences() {}

    static List<TrainingSequence> ordered(List<PromptSpec> prompts, List<Row> collected) {
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < prompts.size(); i++) {
            order.put(prompts.get(i).promptId(), i);
        }
        List<Row> sorted = new ArrayList<>(collected);
        sorted.sort(Comparator.<Row>comparingInt(r -> order.get(r.getString(0))).thenComparingInt(r -> r.getInt(1)));
        int[] nodeCount = new int[prompts.size()];
        for (Row r : sorted) {
            int p = order.get(r.getString(0));
            for (int node : intArray(r.getList(5))) {
                nodeCount[p] = Math.max(nodeCount[p], node + 1);
            }
        }
        int[] base = new int[prompts.size()];
        for (int p = 1; p < prompts.size(); p++) {
            base[p] = base[p - 1] + nodeCount[p - 1];
        }
        List<TrainingSequence> rows = new ArrayList<>(sorted.size());
        for (Row r : sorted) {
            int p = order.get(r.getString(0));
            rows.add(TrainingSequence.of(prompts.get(p).promptTokens(), intArray(r.getList(2)), boolArray(r.getList(3)),
                    floatArray(r.getList(4)), floatArray(r.getList(6)), intArray(r.getList(5)), base[p]));
        }
        return rows;
    }

    private static int[] intArray(List<Object> values) {
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) values.get(i)).intValue();
        }
        return out;
    }

    private static float[] floatArray(List<Object> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) values.get(i)).floatValue();
        }
        return out;
    }

    private static boolean[] boolArray(List<Object> values) {
        boolean[] out = new boolean[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (Boolean) values.get(i);
        }
        return out;
    }
}
