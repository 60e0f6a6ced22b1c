package io.cleave.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.cleave.tokenizer.CharTokenizer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The DJL model's logits and log-probs against {@link ReferenceTransformer}. */
class PolicyForwardTest {

    private static final ModelConfig QWEN_LIKE = new ModelConfig(CharTokenizer.instance().vocabSize(), 32, 2, 4, 2,
            48, 64, 10000.0, 1e-6, true, false);

    @Test
    void logitsMatchTheReferenceForEveryPositionOfEveryRow() {
        for (ModelConfig config : new ModelConfig[] {ModelConfig.preset("tiny", 99), QWEN_LIKE}) {
            try (Policy policy = Policy.initialize(config, CharTokenizer.instance(), 7);
                    NDManager step = policy.manager().newSubManager()) {
                Map<String, float[]> weights = randomizeNormsAndBiases(policy);
                ReferenceTransformer reference = new ReferenceTransformer(config, weights);
                int[][] rows = {CharTokenizer.instance().encode("Q: 12+7?\n<calc>"), CharTokenizer.instance().encode("hi")};
                NDArray logits = policy.logits(step, rows);
                int width = (int) logits.getShape().get(1);
                int vocab = config.vocabSize();
                float[] got = logits.toFloatArray();
                for (int r = 0; r < rows.length; r++) {
                    double[][] expected = reference.logits(rows[r]);
                    for (int i = 0; i < rows[r].length; i++) {
                        for (int v = 0; v < vocab; v++) {
                            assertEquals(expected[i][v], got[(r * width + i) * vocab + v], 1e-4,
                                    "row " + r + " position " + i + " token " + v);
                        }
                    }
                }
            }
        }
    }

    @Test
    void scoreGivesNextTokenLogProbsAndEntropiesOfTheReference() {
        ModelConfig config = ModelConfig.preset("tiny", 99);
        try (Policy policy = Policy.initialize(config, CharTokenizer.instance(), 3);
                NDManager step = policy.manager().newSubManager()) {
            int[] seq = CharTokenizer.instance().encode("<answer>42</answer>");
            double[][] logits = new ReferenceTransformer(config, policy.weights()).logits(seq);
            ScoreResult score = policy.score(step, new int[][] {seq, {5, 6}}, 2.0);
            float[] logp = score.logProbs().toFloatArray();
            float[] entropy = score.entropies().toFloatArray();
            float[] valid = score.valid().toFloatArray();
            int width = seq.length - 1;
            for (int i = 0; i < width; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (double l : logits[i]) {
                    max = Math.max(max, l / 2.0);
                }
                double z = 0;
                for (double l : logits[i]) {
                    z += Math.exp(l / 2.0 - max);
                }
                double logZ = Math.log(z) + max;
                double h = 0;
                for (double l : logits[i]) {
                    double lp = l / 2.0 - logZ;
                    h -= Math.exp(lp) * lp;
                }
                assertEquals(logits[i][seq[i + 1]] / 2.0 - logZ, logp[i], 1e-4);
                assertEquals(h, entropy[i], 1e-4);
                assertEquals(1f, valid[i]);
            }
            assertEquals(1f, valid[width]);
            assertEquals(0f, valid[width + 1]);
        }
    }

    /** Gives norms and biases non-trivial values so the reference check covers them. */
    private static Map<String, float[]> randomizeNormsAndBiases(Policy policy) {
        Map<String, float[]> weights = policy.weights();
        java.util.Random random = new java.util.Random(11);
        weights.forEach((name, values) -> {
            if (name.endsWith("norm.weight") || name.endsWith(".bias")) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = 0.5f + random.nextFloat();
                }
            } else {
                for (int i = 0; i < values.length; i++) {
                    values[i] *= 10;
                }
            }
        });
        policy.loadWeights(weights);
        return weights;
    }
}
