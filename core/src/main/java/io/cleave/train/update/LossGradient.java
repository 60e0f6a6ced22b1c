package io.cleave.train.update;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The loss gradient of some rows of a minibatch, as host arrays by parameter name, with the sums its minibatch
 * metrics are made of. Shards of one {@link MinibatchPlan} add up ({@link #sum}) to the minibatch's gradient and
 * metrics.
 *
 * @param gradients     gradient of the shard's loss by parameter name, in the model's parameter order
 * @param loss          the shard's loss (its share of the minibatch loss)
 * @param policyTokens  policy tokens of the shard
 * @param clippedTokens policy tokens where the clipped surrogate binds
 * @param klSum         sum over policy tokens of the k3 estimate of KL(old || new)
 * @param entropySum    sum over policy tokens of the policy's entropy
 */
public record LossGradient(LinkedHashMap<String, float[]> gradients, double loss, long policyTokens,
        double clippedTokens, double klSum, double entropySum) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Requires the gradients. */
    public LossGradient {
        Objects.requireNonNull(gradients, "gradients");
    }

    /**
     * The sum of {@code parts} in list order: gradients element-wise in float32 starting from a copy of the first
     * part's (so a single part sums to itself exactly), metric sums in double.
     *
     * @throws IllegalArgumentException when {@code parts} is empty or their parameters differ
     */
    public static LossGradient sum(List<LossGradient> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to sum: no shard gradients");
        }
        LinkedHashMap<String, float[]> total = new LinkedHashMap<>();
        parts.get(0).gradients().forEach((name, g) -> total.put(name, g.clone()));
        double loss = parts.get(0).loss();
        long tokens = parts.get(0).policyTokens();
        double clipped = parts.get(0).clippedTokens();
        double kl = parts.get(0).klSum();
        double entropy = parts.get(0).entropySum();
        for (LossGradient part : parts.subList(1, parts.size())) {
            if (!part.gradients().keySet().equals(total.keySet())) {
                throw new IllegalArgumentException("shard gradients name different parameters: "
                        + part.gradients().keySet() + " vs " + total.keySet());
            }
            for (Map.Entry<String, float[]> e : total.entrySet()) {
                float[] sum = e.getValue();
                float[] add = part.gradients().get(e.getKey());
                if (add.length != sum.length) {
                    throw new IllegalArgumentException("gradient of " + e.getKey() + " has " + add.length
                            + " values, expected " + sum.length);
                }
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += add[i];
                }
            }
            loss += part.loss();
            tokens += part.policyTokens();
            clipped += part.clippedTokens();
            kl += part.klSum();
            entropy += part.entropySum();
        }
        return new LossGradient(total, loss, tokens, clipped, kl, entropy);
    }

    /** Fraction of policy tokens where the clipped surrogate binds; NaN without policy tokens. */
    public double clipFraction() {
        return mean(clippedTokens);
    }

    /** Mean k3 estimate of KL(old || new) over policy tokens; NaN without policy tokens. */
    public double approxKl() {
        return mean(klSum);
    }

    /** Mean entropy over policy tokens; NaN without policy tokens. */
    public double meanEntropy() {
        return mean(entropySum);
    }

    private double mean(double sum) {
        return policyTokens == 0 ? Double.NaN : sum / policyTokens;
    }
}
