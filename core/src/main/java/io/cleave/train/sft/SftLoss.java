package io.cleave.train.sft;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.cleave.model.Policy;
import io.cleave.model.ScoreResult;
import io.cleave.model.TorchRuntime;
import java.util.List;

/**
 * Masked next-token cross-entropy of a batch: the mean over all target tokens of the batch of {@code -log pi}:
 * <pre>
 * loss = - sum_{b,t} mask[b,t] * logp[b,t] / sum_{b,t} mask[b,t]
 * </pre>
 * where {@code logp[b,t] = log pi(x[b,t+1] | x[b,<=t])} from {@link Policy#score} at temperature 1, {@code (B, T-1)},
 * and {@code mask[b,t] = lossMask[b][t+1]} (0 past a row's end). Non-target tokens still condition later ones;
 * only their own log-probs are left out.
 */
public final class SftLoss {

    private SftLoss() {}

    /** The scalar loss, differentiable when autograd is on; its arrays live in {@code step}. */
    public static NDArray mean(Policy policy, NDManager step, List<SftExample> batch) {
        int[][] sequences = new int[batch.size()][];
        for (int b = 0; b < sequences.length; b++) {
            sequences[b] = batch.get(b).tokens();
        }
        ScoreResult scores = policy.score(step, sequences, 1.0);
        NDArray mask = step.create(targetMask(batch), scores.logProbs().getShape()); // (B, T-1)
        return scores.logProbs().mul(mask).sum().neg().div(TorchRuntime.scalar(step, targetCount(batch)));
    }

    /** Target tokens in the batch: the loss's denominator. */
    public static int targetCount(List<SftExample> batch) {
        int n = 0;
        for (SftExample e : batch) {
            n += e.targetCount();
        }
        return n;
    }

    /** Row-major {@code (B, T-1)} flags, {@code T} the longest example: 1 where position t+1 is a target. */
    static float[] targetMask(List<SftExample> batch) {
        int width = batch.stream().mapToInt(SftExample::length).max().orElse(1) - 1;
        float[] mask = new float[batch.size() * width];
        for (int b = 0; b < batch.size(); b++) {
            boolean[] lossMask = batch.get(b).lossMask();
            for (int t = 1; t < lossMask.length; t++) {
                mask[b * width + t - 1] = lossMask[t] ? 1f : 0f;
            }
        }
        return mask;
    }
}
