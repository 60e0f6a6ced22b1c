package io.cleave.algo.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.cleave.model.TorchRuntime;

/**
 * The per-token clipped policy-gradient loss, aggregated by weights.
 *
 * <p>Per policy token, with {@code rho = exp(logp - oldLogp)} and advantage A:
 * <pre>
 *   l = max(-rho * A, -clip(rho, 1 - epsLow, 1 + epsHigh) * A)           (= -min(rho A, clip(rho) A))
 *   dual clip c &gt; 1, for A &lt; 0 only:  l = min(l, -c * A)
 *   KL in the loss:   l += klCoef * k,  k1 = logp - ref,  k3 = exp(ref - logp) - (ref - logp) - 1
 *   entropy bonus:    l -= entropyCoef * H
 *   loss = sum(weights * l)
 * </pre>
 * The dual clip is the standard one (Ye et al. 2020): for negative advantages the objective
 * {@code min(rho A, clip(rho) A)} is bounded below by {@code c A}, i.e. {@code max(min(...), c A)}, so a huge
 * ratio on a bad token cannot produce an unbounded loss. Weights come from the configured
 * {@link LossAggregation}, or are given precomputed in the input (then a minibatch can be computed in parts whose
 * losses, and so gradients, sum to the whole minibatch's). Tokens outside the mask have weight 0, and their
 * log-ratio and KL argument are replaced by 0 before exponentiation, so they contribute exactly zero gradient even
 * where their log-probs are extreme.
 *
 * <p>All intermediate arrays are attached to {@code logp}'s manager; compute inside a sub-manager per step.
 */
public final class PolicyLoss {

    private final PolicyLossConfig config;
    private final LossAggregation aggregation;

    /** A loss with the given settings. */
    public PolicyLoss(PolicyLossConfig config) {
        this.config = config;
        this.aggregation = LossAggregations.get(config.aggregation());
    }

    /** The scalar loss and the minibatch diagnostics. */
    public LossResult compute(LossInput in) {
        if (config.klCoef() > 0 && in.refLogp() == null) {
            throw new IllegalArgumentException("kl.coef " + config.klCoef() + " > 0 needs refLogp");
        }
        if (config.entropyCoef() > 0 && in.entropy() == null) {
            throw new IllegalArgumentException("loss.entropy-coef " + config.entropyCoef() + " > 0 needs entropy");
        }
        NDManager manager = in.logp().getManager();
        Shape shape = in.logp().getShape();
        NDArray mask = in.mask().toType(DataType.FLOAT32, false).gt(0.5f);
        NDArray zeros = manager.zeros(shape, in.logp().getDataType());
        NDArray weights = (in.weights() != null ? in.weights()
                : manager.create(flatten(aggregation.weights(hostMask(mask, shape), in.macroActionIds())), shape))
                .toType(in.logp().getDataType(), false);

        NDArray logRatio = NDArrays.where(mask, in.logp().sub(in.oldLogp()), zeros);
        NDArray ratio = logRatio.exp();
        NDArray adv = in.advantages();
        NDArray unclipped = ratio.mul(adv).neg();
        NDArray clipped = ratio.clip(1 - config.epsLow(), 1 + config.epsHigh()).mul(adv).neg();
        NDArray clippedLoss = NDArrays.maximum(unclipped, clipped);
        NDArray tokenLoss = clippedLoss;
        NDArray dualBinds = null;
        if (config.dualClip() > 0) {
            NDArray bound = adv.mul(-config.dualClip());
            dualBinds = adv.lt(0).logicalAnd(bound.lt(clippedLoss));
            tokenLoss = NDArrays.where(dualBinds, bound, clippedLoss);
        }
        if (config.klCoef() > 0) {
            tokenLoss = tokenLoss.add(klTerm(NDArrays.where(mask, in.refLogp().sub(in.logp()), zeros))
                    .mul(TorchRuntime.scalar(manager, config.klCoef())));
        }
        if (config.entropyCoef() > 0) {
            tokenLoss = tokenLoss.sub(in.entropy().mul(TorchRuntime.scalar(manager, config.entropyCoef())));
        }
        NDArray loss = NDArrays.where(mask, tokenLoss, zeros).mul(weights).sum();

        NDArray maskF = mask.toType(DataType.FLOAT32, false);
        long tokens = (long) maskF.sum().getFloat();
        NDArray ratioD = ratio.stopGradient().toType(DataType.FLOAT32, false);
        NDArray logRatioD = logRatio.stopGradient().toType(DataType.FLOAT32, false);
        double clippedTokens = sumOver(maskF, clipped.stopGradient().gt(unclipped.stopGradient()));
        double dualClippedTokens = dualBinds == null ? 0 : sumOver(maskF, dualBinds);
        double klSum = sumOver(maskF, logRatioD.neg().exp().add(logRatioD).sub(1));
        double entropySum = in.entropy() == null ? Double.NaN : sumOver(maskF, in.entropy().stopGradient());
        double ratioSum = sumOver(maskF, ratioD);
        return new LossResult(loss, tokens, clippedTokens, dualClippedTokens, klSum, entropySum, ratioSum);
    }

    /** The KL estimate from {@code d = ref - logp}: k1 = -d, k3 = exp(d) - d - 1. */
    private NDArray klTerm(NDArray d) {
        return config.klEstimator().equals("k1") ? d.neg() : d.exp().sub(d).sub(1);
    }

    /** The float32 sum of {@code values} over the mask (exact in a double). */
    private static double sumOver(NDArray maskF, NDArray values) {
        return values.toType(DataType.FLOAT32, false).mul(maskF).sum().getFloat();
    }

    private static boolean[][] hostMask(NDArray mask, Shape shape) {
        boolean[] flat = mask.toBooleanArray();
        int rows = (int) shape.get(0);
        int cols = (int) shape.get(1);
        boolean[][] out = new boolean[rows][cols];
        for (int b = 0; b < rows; b++) {
            System.arraycopy(flat, b * cols, out[b], 0, cols);
        }
        return out;
    }

    private static float[] flatten(float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] flat = new float[rows.length * cols];
        for (int b = 0; b < rows.length; b++) {
            System.arraycopy(rows[b], 0, flat, b * cols, cols);
        }
        return flat;
    }
}
