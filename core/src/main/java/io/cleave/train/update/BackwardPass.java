package io.cleave.train.update;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import io.cleave.algo.loss.LossInput;
import io.cleave.algo.loss.LossResult;
import io.cleave.algo.loss.PolicyLoss;
import io.cleave.algo.loss.PolicyLossConfig;
import io.cleave.model.Policy;
import io.cleave.model.ScoreResult;
import io.cleave.model.TorchRuntime;
import io.cleave.optim.Gradients;
import java.util.List;
import java.util.Map;

/**
 * The loss and gradient of some rows of a minibatch: the rows are scored by the policy (differentiable log-probs
 * and entropies at the sampling temperature; the frozen reference's log-probs when the KL term is on), the clipped
 * surrogate is aggregated with the rows' precomputed {@link WeightedSequence#weights} and back-propagated into the
 * policy's gradient buffers (zeroed first), and the gradients come back as host arrays. Gradient computations hold the
 * JVM's {@link Gradients#exclusively gradient lock}, so concurrent callers (a Spark executor's task threads sharing
 * one cached policy) take turns.
 */
public final class BackwardPass {

    private final PolicyLoss loss;
    private final double temperature;

    /**
     * @param config      the policy loss settings
     * @param temperature the temperature the tokens were sampled at (log-probs are of {@code softmax(logits / T)})
     */
    public BackwardPass(PolicyLossConfig config, double temperature) {
        this.loss = new PolicyLoss(config);
        this.temperature = temperature;
    }

    /**
     * The gradient of the loss of {@code rows} with respect to {@code policy}'s parameters and its metric sums.
     *
     * @param reference frozen reference policy, or null when the loss has no KL term
     * @throws IllegalArgumentException when {@code rows} is empty
     */
    public LossGradient compute(Policy policy, Policy reference, List<WeightedSequence> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a gradient shard needs at least one row");
        }
        return Gradients.exclusively(() -> computeLocked(policy, reference, rows));
    }

    private LossGradient computeLocked(Policy policy, Policy reference, List<WeightedSequence> rows) {
        SequenceBatch batch = SequenceBatch.of(rows.stream().map(WeightedSequence::row).toList());
        int[][] sequences = batch.sequences();
        int width = batch.width();
        float[] weights = new float[sequences.length * width];
        for (int b = 0; b < sequences.length; b++) {
            float[] w = rows.get(b).weights();
            System.arraycopy(w, 0, weights, b * width, w.length);
        }
        Map<String, Parameter> parameters = policy.model().namedParameters();
        Gradients.zero(parameters.values());
        boolean gradWasOn = JniUtils.isGradMode();
        LossResult result;
        double lossValue;
        try (NDManager m = policy.manager().newSubManager()) {
            NDArray refLogp = null;
            if (reference != null) {
                TorchRuntime.disableGrad();
                refLogp = reference.score(m, sequences, temperature).logProbs();
                refLogp.attach(m);
            }
            TorchRuntime.enableGrad();
            try (GradientCollector gc = TorchRuntime.engine().newGradientCollector()) {
                ScoreResult score = policy.score(m, sequences, temperature);
                Shape shape = new Shape(sequences.length, width);
                result = loss.compute(new LossInput(score.logProbs(), m.create(batch.oldLogProbs(), shape),
                        m.create(batch.advantages(), shape), m.create(batch.mask(), shape), refLogp,
                        score.entropies(), null, m.create(weights, shape)));
                lossValue = result.loss().getFloat();
                gc.backward(result.loss());
            }
        } finally {
            if (!gradWasOn) {
                TorchRuntime.disableGrad();
            }
        }
        return new LossGradient(Gradients.read(parameters), lossValue, result.policyTokens(), result.clippedTokens(),
                result.klSum(), result.entropySum());
    }
}
