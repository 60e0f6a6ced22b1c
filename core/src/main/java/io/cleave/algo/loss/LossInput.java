package io.cleave.algo.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Objects;

/**
 * One minibatch for the policy loss; every array has shape {@code (B, T)}.
 *
 * @param logp           log-probs of the taken tokens under the current policy (differentiable)
 * @param oldLogp        log-probs under the policy that sampled them
 * @param advantages     per-token advantages
 * @param mask           policy tokens (true or nonzero); tool-result and padding tokens are 0
 * @param refLogp        log-probs under the frozen reference policy, or null (required when the KL term is on)
 * @param entropy        per-token entropy of the current policy, or null (required when the entropy bonus is on)
 * @param macroActionIds macro-action id of each token, {@code [B][T]}, or null (required by
 *                       {@code macro-action-mean}; not read when {@code weights} is given)
 * @param weights        precomputed aggregation weights, or null to compute them from the mask and macro-action ids
 *                       with the loss's {@link LossAggregation}. Weights computed once for a whole minibatch (its
 *                       global normalisers) and given for a subset of its rows make that subset's loss its share of
 *                       the minibatch loss, so gradients of disjoint subsets sum to the minibatch gradient.
 */
public record LossInput(NDArray logp, NDArray oldLogp, NDArray advantages, NDArray mask, NDArray refLogp,
                        NDArray entropy, int[][] macroActionIds, NDArray weights) {

    /** An input whose aggregation weights the loss computes from the mask and macro-action ids. */
    public LossInput(NDArray logp, NDArray oldLogp, NDArray advantages, NDArray mask, NDArray refLogp,
            NDArray entropy, int[][] macroActionIds) {
        this(logp, oldLogp, advantages, mask, refLogp, entropy, macroActionIds, null);
    }

    /** Checks that all given arrays share one {@code (B, T)} shape. */
    public LossInput {
        Objects.requireNonNull(logp, "logp");
        Shape shape = logp.getShape();
        if (shape.dimension() != 2) {
            throw new IllegalArgumentException("logp must have shape (B, T), got " + shape);
        }
        requireShape("oldLogp", Objects.requireNonNull(oldLogp, "oldLogp"), shape);
        requireShape("advantages", Objects.requireNonNull(advantages, "advantages"), shape);
        requireShape("mask", Objects.requireNonNull(mask, "mask"), shape);
        if (refLogp != null) {
            requireShape("refLogp", refLogp, shape);
        }
        if (entropy != null) {
            requireShape("entropy", entropy, shape);
        }
        if (weights != null) {
            requireShape("weights", weights, shape);
        }
        if (macroActionIds != null) {
            if (macroActionIds.length != shape.get(0)) {
                throw new IllegalArgumentException("macroActionIds has " + macroActionIds.length + " rows, expected "
                        + shape.get(0));
            }
            for (int b = 0; b < macroActionIds.length; b++) {
                if (macroActionIds[b] == null || macroActionIds[b].length != shape.get(1)) {
                    throw new IllegalArgumentException("macroActionIds row " + b + " must have " + shape.get(1)
                            + " ids");
                }
            }
        }
    }

    private static void requireShape(String field, NDArray array, Shape shape) {
        if (!array.getShape().equals(shape)) {
            throw new IllegalArgumentException(field + " has shape " + array.getShape() + ", expected " + shape);
        }
    }
}
