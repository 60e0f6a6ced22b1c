package io.cleave.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.cleave.algo.loss.LossInput;
import io.cleave.algo.loss.LossResult;
import io.cleave.algo.loss.PolicyLoss;
import io.cleave.algo.recipe.AlgorithmConfig;
import io.cleave.model.Policy;
import io.cleave.model.ScoreResult;
import io.cleave.model.TorchRuntime;
import io.cleave.optim.AdamW;
import io.cleave.optim.Gradients;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.LongToDoubleFunction;

/**
 * The update phase: PPO-style epochs over minibatches of {@link TrainingRow}s. Each minibatch is scored by the
 * current policy (differentiable log-probs and entropies at the sampling temperature), its clipped-surrogate loss
 * is back-propagated, gradients are clipped to a global norm and AdamW steps with the scheduled learning rate.
 * Optionally a frozen reference policy adds the KL term. Row order per epoch is shuffled from a seed.
 */
public final class PolicyUpdate {

    private final Policy policy;
    private final Policy reference;
    private final AdamW optimizer;
    private final AlgorithmConfig algorithm;
    private final PolicyLoss loss;
    private final double temperature;
    private final double gradClip;
    private final LongToDoubleFunction learningRate;

    /**
     * @param reference frozen policy for the KL term in the loss, or null when the KL coefficient is 0
     * @param learningRate learning rate by optimizer step count
     */
    public PolicyUpdate(Policy policy, Policy reference, AdamW optimizer, AlgorithmConfig algorithm,
            double temperature, double gradClip, LongToDoubleFunction learningRate) {
        this.policy = policy;
        this.reference = reference;
        this.optimizer = optimizer;
        this.algorithm = algorithm;
        this.loss = new PolicyLoss(algorithm.lossConfig());
        this.temperature = temperature;
        this.gradClip = gradClip;
        this.learningRate = learningRate;
    }

    /** Runs every epoch and minibatch over {@code rows}; {@code seed} fixes the shuffles. */
    public UpdateMetrics run(List<TrainingRow> rows, long seed) {
        if (rows.isEmpty()) {
            return new UpdateMetrics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        List<TrainingRow> order = new ArrayList<>(rows);
        Random random = new Random(seed);
        int steps = 0;
        double lossSum = 0;
        double clipSum = 0;
        double klSum = 0;
        double entropySum = 0;
        double normSum = 0;
        long tokens = 0;
        for (int epoch = 0; epoch < algorithm.ppoEpochs(); epoch++) {
            Collections.shuffle(order, random);
            int minibatches = Math.min(algorithm.minibatches(), order.size());
            for (int mb = 0; mb < minibatches; mb++) {
                List<TrainingRow> part = order.subList(mb * order.size() / minibatches,
                        (mb + 1) * order.size() / minibatches);
                StepResult r = step(part);
                steps++;
                lossSum += r.loss;
                clipSum += r.result.clipFraction();
                klSum += r.result.approxKl();
                entropySum += r.result.meanEntropy();
                normSum += r.gradNorm;
                tokens += epoch == 0 ? r.result.policyTokens() : 0;
            }
        }
        return new UpdateMetrics(steps, lossSum / steps, clipSum / steps, klSum / steps, entropySum / steps,
                normSum / steps, tokens);
    }

    private record StepResult(double loss, LossResult result, double gradNorm) {}

    private StepResult step(List<TrainingRow> part) {
        int[][] sequences = new int[part.size()][];
        int width = 0;
        for (int b = 0; b < sequences.length; b++) {
            sequences[b] = part.get(b).sequence();
            width = Math.max(width, sequences[b].length - 1);
        }
        float[] mask = new float[sequences.length * width];
        float[] old = new float[mask.length];
        float[] adv = new float[mask.length];
        int[][] macro = new int[sequences.length][width];
        for (int b = 0; b < sequences.length; b++) {
            TrainingRow row = part.get(b);
            Arrays.fill(macro[b], -1);
            for (int i = 0; i < row.generated(); i++) {
                int pos = b * width + row.promptLength() + i - 1;
                mask[pos] = row.policyMask()[i] ? 1f : 0f;
                old[pos] = row.oldLogProbs()[i];
                adv[pos] = row.advantages()[i];
                macro[b][row.promptLength() + i - 1] = row.macroActions()[i];
            }
        }
        NDArray refLogp = null;
        TorchRuntime.enableGrad();
        double lossValue;
        LossResult result;
        try (NDManager m = policy.manager().newSubManager()) {
            if (reference != null) {
                TorchRuntime.disableGrad();
                refLogp = reference.score(m, sequences, temperature).logProbs();
                refLogp.attach(m);
                TorchRuntime.enableGrad();
            }
            try (GradientCollector gc = TorchRuntime.engine().newGradientCollector()) {
                ScoreResult score = policy.score(m, sequences, temperature);
                Shape shape = new Shape(sequences.length, width);
                result = loss.compute(new LossInput(score.logProbs(), m.create(old, shape), m.create(adv, shape),
                        m.create(mask, shape), refLogp, score.entropies(), macro));
                lossValue = result.loss().getFloat();
                gc.backward(result.loss());
            }
        }
        double norm = Gradients.clipGlobalNorm(policy.parameters(), gradClip);
        optimizer.step(learningRate.applyAsDouble(optimizer.stepCount()));
        return new StepResult(lossValue, result, norm);
    }
}
