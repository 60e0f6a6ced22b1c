package io.cleave.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Draws one token per row from next-token logits {@code (R, V)} by inverse CDF with caller-supplied uniforms, so
 * that a row's draws depend only on its own random stream (PyTorch's multinomial is not available through DJL).
 *
 * <p>Reported log-prob and entropy are those of {@code softmax(logits / T)} before top-k/top-p truncation: the
 * distribution the trainer re-scores with the same temperature.
 */
final class TokenSampler {

    private TokenSampler() {}

    static TokenDraw draw(NDManager m, NDArray logits, SamplingConfig config, float[] uniforms) {
        int rows = (int) logits.getShape().get(0);
        NDArray logp = logits.div((float) config.scoringTemperature()).logSoftmax(-1); // (R, V)
        NDArray probs = logp.exp();
        NDArray entropy = probs.mul(logp).sum(new int[] {-1}).neg(); // (R)
        NDArray chosen; // (R, 1) int64
        if (config.greedy()) {
            chosen = logits.argMax(-1).expandDims(1);
        } else {
            NDArray u = m.create(uniforms, new Shape(rows, 1));
            chosen = config.truncates() ? truncatedDraw(probs, config, u) : inverseCdf(probs, u);
        }
        NDArray tokenLogp = logp.gather(chosen, 1).squeeze(1); // (R)
        NDArray packed = NDArrays.stack(new NDList(chosen.squeeze(1).toType(DataType.FLOAT32, false),
                tokenLogp, entropy)); // (3, R)
        float[] host = packed.toFloatArray();
        int[] tokens = new int[rows];
        float[] lp = new float[rows];
        float[] ent = new float[rows];
        for (int r = 0; r < rows; r++) {
            tokens[r] = (int) host[r];
            lp[r] = host[rows + r];
            ent[r] = host[2 * rows + r];
        }
        return new TokenDraw(tokens, lp, ent);
    }

    /** Index of the first entry whose cumulative probability exceeds {@code u * total}. */
    private static NDArray inverseCdf(NDArray probs, NDArray u) {
        NDArray cdf = probs.cumSum(1); // (R, V)
        NDArray total = cdf.get(":, -1:"); // (R, 1)
        long last = probs.getShape().get(1) - 1;
        return cdf.lt(total.mul(u)).sum(new int[] {1}, true).minimum(last).toType(DataType.INT64, false);
    }

    private static NDArray truncatedDraw(NDArray probs, SamplingConfig config, NDArray u) {
        long vocab = probs.getShape().get(1);
        NDArray order = probs.argSort(1, false); // (R, V) most likely first
        NDArray sorted = probs.gather(order, 1);
        NDArray keep = sorted.onesLike();
        if (config.topK() > 0 && config.topK() < vocab) {
            NDArray rank = probs.getManager().arange(0, (int) vocab, 1, DataType.INT64).reshape(1, vocab);
            keep = keep.mul(rank.lt(config.topK()).toType(DataType.FLOAT32, false));
        }
        if (config.topP() < 1) {
            NDArray before = sorted.cumSum(1).sub(sorted); // mass strictly before each token
            keep = keep.mul(before.lt((float) config.topP()).toType(DataType.FLOAT32, false));
        }
        NDArray index = inverseCdf(sorted.mul(keep), u); // (R, 1) position in sorted order
        return order.gather(index, 1);
    }
}
