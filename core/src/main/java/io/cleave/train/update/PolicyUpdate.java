package io.cleave.train.update;

import ai.djl.nn.Parameter;
import io.cleave.algo.loss.LossAggregation;
import io.cleave.algo.loss.LossAggregations;
import io.cleave.algo.recipe.AlgorithmConfig;
import io.cleave.model.Policy;
import io.cleave.optim.AdamW;
import io.cleave.optim.Gradients;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.LongToDoubleFunction;

/**
 * The update phase: PPO-style epochs over minibatches of {@link TrainingSequence}s. Row order per epoch is shuffled
 * from a seed. For each minibatch the loss-aggregation weights are computed over all its rows ({@link MinibatchPlan}),
 * a {@link GradientSource} returns the minibatch gradient (by default computed here, as one shard of all rows; the
 * Spark job can sum shards computed on executors instead), the gradient is written into the parameters, clipped to
 * a global norm, and AdamW steps with the scheduled learning rate. Optionally a frozen reference policy adds the KL
 * term. A minibatch whose loss or gradient is not finite is skipped and counted ({@link NonFiniteSteps}); too many
 * in a row throw {@link NonFiniteUpdateException}.
 */
public final class PolicyUpdate {

    private final Policy policy;
    private final Policy reference;
    private final AdamW optimizer;
    private final AlgorithmConfig algorithm;
    private final LossAggregation aggregation;
    private final double gradClip;
    private final LongToDoubleFunction learningRate;
    private final GradientSource gradients;
    private final NonFiniteSteps nonFinite;

    /**
     * An update computing gradients in this process.
     *
     * @param reference frozen policy for the KL term in the loss, or null when the KL coefficient is 0
     * @param temperature the temperature the rows were sampled at
     * @param learningRate learning rate by optimizer step count
     * @param maxNonfiniteSteps non-finite minibatches in a row that stop training, &gt;= 1
     */
    public PolicyUpdate(Policy policy, Policy reference, AdamW optimizer, AlgorithmConfig algorithm,
            double temperature, double gradClip, LongToDoubleFunction learningRate, int maxNonfiniteSteps) {
        this(policy, reference, optimizer, algorithm, gradClip, learningRate,
                new LocalGradients(policy, reference, new BackwardPass(algorithm.lossConfig(), temperature)),
                new NonFiniteSteps(maxNonfiniteSteps));
    }

    private PolicyUpdate(Policy policy, Policy reference, AdamW optimizer, AlgorithmConfig algorithm,
            double gradClip, LongToDoubleFunction learningRate, GradientSource gradients, NonFiniteSteps nonFinite) {
        this.policy = policy;
        this.reference = reference;
        this.optimizer = optimizer;
        this.algorithm = algorithm;
        this.aggregation = LossAggregations.get(algorithm.lossConfig().aggregation());
        this.gradClip = gradClip;
        this.learningRate = learningRate;
        this.gradients = gradients;
        this.nonFinite = nonFinite;
    }

    /**
     * The same update (policy, optimizer, schedule, shuffles, non-finite guard) with minibatch gradients from
     * {@code source}.
     */
    public PolicyUpdate withGradients(GradientSource source) {
        return new PolicyUpdate(policy, reference, optimizer, algorithm, gradClip, learningRate, source, nonFinite);
    }

    /** The frozen reference policy of the KL term in the loss, when there is one. */
    public Optional<Policy> lossReference() {
        return Optional.ofNullable(reference);
    }

    /**
     * Runs every epoch and minibatch over {@code rows}; {@code seed} fixes the shuffles. Metrics average the applied
     * steps (NaN when none was applied).
     *
     * @throws NonFiniteUpdateException when a non-finite minibatch completes a run of
     *     {@code maxNonfiniteSteps} in a row (earlier finite steps of this call stay applied)
     */
    public UpdateMetrics run(List<TrainingSequence> rows, long seed) {
        if (rows.isEmpty()) {
            return new UpdateMetrics(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0);
        }
        List<TrainingSequence> order = new ArrayList<>(rows);
        Random random = new Random(seed);
        int steps = 0;
        double lossSum = 0;
        double clipSum = 0;
        double klSum = 0;
        double entropySum = 0;
        double normSum = 0;
        int skipped = 0;
        for (int epoch = 0; epoch < algorithm.ppoEpochs(); epoch++) {
            Collections.shuffle(order, random);
            int minibatches = Math.min(algorithm.minibatches(), order.size());
            for (int mb = 0; mb < minibatches; mb++) {
                List<TrainingSequence> part = order.subList(mb * order.size() / minibatches,
                        (mb + 1) * order.size() / minibatches);
                LossGradient g = gradients.gradients(MinibatchPlan.of(part, aggregation));
                if (!nonFinite.admit(g.loss(), g.gradients())) {
                    skipped++;
                    continue;
                }
                double norm = step(g);
                steps++;
                lossSum += g.loss();
                clipSum += g.clipFraction();
                klSum += g.approxKl();
                entropySum += g.meanEntropy();
                normSum += norm;
            }
        }
        return new UpdateMetrics(lossSum / steps, entropySum / steps, clipSum / steps, klSum / steps,
                normSum / steps, steps, skipped);
    }

    /** Writes the gradient into the parameters, clips it, steps AdamW; returns the norm before clipping. */
    private double step(LossGradient g) {
        Map<String, Parameter> parameters = policy.model().namedParameters();
        Gradients.write(parameters, g.gradients());
        double norm = Gradients.clipGlobalNorm(parameters.values(), gradClip);
        optimizer.step(learningRate.applyAsDouble(optimizer.stepCount()));
        return norm;
    }
}
