package io.cleave.train.update;

import ai.djl.ndarray.NDManager;
import io.cleave.model.ModelConfig;
import io.cleave.model.Policy;
import io.cleave.model.TorchRuntime;
import io.cleave.tokenizer.CharTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Training rows for update tests on a tiny random policy: varied prompt and generation lengths, tool-result runs
 * outside the policy mask, one row without any policy token, macro-actions of three tokens with batch-unique ids,
 * advantages shared within a macro-action, and sampling log-probs equal to the policy's own plus noise, so ratios
 * spread on both sides of the clip range.
 */
final class SyntheticSequences {

    static final double TEMPERATURE = 0.8;

    private SyntheticSequences() {}

    /** A tiny policy with random weights drawn from {@code seed}. */
    static Policy policy(long seed) {
        CharTokenizer tokenizer = CharTokenizer.instance();
        return Policy.initialize(ModelConfig.preset("tiny", tokenizer.vocabSize()), tokenizer, seed);
    }

    /** {@code count} rows whose old log-probs are {@code sampler}'s plus N(0, 0.3) noise. */
    static List<TrainingSequence> rows(Policy sampler, int count, long seed) {
        Random random = new Random(seed);
        int vocab = sampler.tokenizer().vocabSize();
        List<TrainingSequence> rows = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            int prompt = 3 + random.nextInt(4);
            int generated = 4 + random.nextInt(12);
            int[] sequence = new int[prompt + generated];
            for (int t = 0; t < sequence.length; t++) {
                sequence[t] = 3 + random.nextInt(vocab - 3);
            }
            boolean[] mask = new boolean[generated];
            int toolStart = b % 2 == 0 ? generated / 2 : generated;
            for (int i = 0; i < generated; i++) {
                mask[i] = b != 1 && (i < toolStart || i >= toolStart + 2);
            }
            float[] advantages = new float[generated];
            int[] macro = new int[generated];
            for (int i = 0; i < generated; i++) {
                macro[i] = 100 * b + i / 3;
                advantages[i] = i % 3 == 0 ? (float) random.nextGaussian() : advantages[i - 1];
            }
            float[] old = sampledLogProbs(sampler, sequence, prompt);
            for (int i = 0; i < generated; i++) {
                old[i] += (float) (0.3 * random.nextGaussian());
            }
            rows.add(new TrainingSequence(sequence, prompt, mask, old, advantages, macro));
        }
        return rows;
    }

    private static float[] sampledLogProbs(Policy policy, int[] sequence, int prompt) {
        TorchRuntime.disableGrad();
        try (NDManager m = policy.manager().newSubManager()) {
            float[] all = policy.score(m, new int[][] {sequence}, TEMPERATURE).logProbs().toFloatArray();
            float[] out = new float[sequence.length - prompt];
            System.arraycopy(all, prompt - 1, out, 0, out.length);
            return out;
        } finally {
            TorchRuntime.enableGrad();
        }
    }
}
