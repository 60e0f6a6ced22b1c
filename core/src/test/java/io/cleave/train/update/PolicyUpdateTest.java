package io.cleave.train.update;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.cleave.optim.AdamWConfig;
import io.cleave.optim.Gradients;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The driver-mode update (minibatch weights planned on the host, one local shard of all rows, gradient copied to
 * the host and written back) gives bit-identical weights and metrics to the direct computation it replaced: per
 * minibatch one backward pass of the loss with the aggregation computed inside {@link PolicyLoss}, then global-norm
 * clipping and AdamW on the gradients autograd left in the parameters.
 */
class PolicyUpdateTest {

    private static final double GRAD_CLIP = 0.5;
    private static final double LR = 3e-3;
    private static final long SEED = 99;

    private static AlgorithmConfig algorithm() {
        return AlgorithmConfig.defaults().with(Map.of("loss.aggregation", "macro-action-mean", "loss.dual-clip", "3",
                "kl.coef", "0.05", "loss.entropy-coef", "0.01", "train.ppo-epochs", "2", "train.minibatches", "2"));
    }

    @Test
    void driverModeMatchesTheDirectComputationBitForBit() {
        AlgorithmConfig algorithm = algorithm();
        try (Policy updated = SyntheticSequences.policy(21); Policy direct = SyntheticSequences.policy(21);
                Policy reference = SyntheticSequences.policy(22);
                AdamW updatedAdam = new AdamW(updated.model().namedParameters(), adamw());
                AdamW directAdam = new AdamW(direct.model().namedParameters(), adamw())) {
            List<TrainingSequence> rows = SyntheticSequences.rows(updated, 9, 4);
            UpdateMetrics metrics = new PolicyUpdate(updated, reference, updatedAdam, algorithm,
                    SyntheticSequences.TEMPERATURE, GRAD_CLIP, step -> LR, 3).run(rows, SEED);
            UpdateMetrics expected = directUpdate(direct, reference, directAdam, algorithm, rows);

            assertEquals(4, metrics.optimizerSteps());
            assertEquals(expected, metrics);
            assertTrue(metrics.gradNorm() > GRAD_CLIP, "clipping is exercised: norm " + metrics.gradNorm());
            assertTrue(metrics.clipFraction() > 0, "the clipped surrogate binds somewhere");
            Map<String, float[]> expectedWeights = direct.weights();
            updated.weights().forEach((name, w) -> assertArrayEquals(expectedWeights.get(name), w, name));
            try (Policy fresh = SyntheticSequences.policy(21)) {
                float[] before = fresh.weights().get("model.embed_tokens.weight");
                assertTrue(!java.util.Arrays.equals(before, updated.weights().get("model.embed_tokens.weight")),
                        "the update moved the weights");
            }
        }
    }

    @Test
    void aNonFiniteMinibatchIsSkippedAndTooManyInARowStopTheUpdate() {
        AlgorithmConfig algorithm = AlgorithmConfig.defaults().with(Map.of("train.ppo-epochs", "1",
                "train.minibatches", "1"));
        try (Policy policy = SyntheticSequences.policy(31); Policy untouched = SyntheticSequences.policy(31);
                AdamW adam = new AdamW(policy.model().namedParameters(), adamw())) {
            List<TrainingSequence> clean = SyntheticSequences.rows(policy, 4, 5);
            List<TrainingSequence> poisoned = new ArrayList<>(clean);
            TrainingSequence first = clean.get(0);
            float[] advantages = first.advantages().clone();
            advantages[0] = Float.NaN;
            poisoned.set(0, new TrainingSequence(first.sequence(), first.promptLength(), first.policyMask(),
                    first.oldLogProbs(), advantages, first.macroActions()));
            PolicyUpdate update = new PolicyUpdate(policy, null, adam, algorithm, SyntheticSequences.TEMPERATURE,
                    GRAD_CLIP, step -> LR, 2);

            UpdateMetrics skipped = update.run(poisoned, SEED);
            assertEquals(0, skipped.optimizerSteps());
            assertEquals(1, skipped.skippedUpdates());
            assertEquals(0, adam.stepCount(), "AdamW did not step");
            Map<String, float[]> before = untouched.weights();
            policy.weights().forEach((name, w) -> assertArrayEquals(before.get(name), w, name));

            UpdateMetrics applied = update.run(clean, SEED);
            assertEquals(1, applied.optimizerSteps());
            assertEquals(0, applied.skippedUpdates());
            Map<String, float[]> lastGood = policy.weights();
            assertTrue(!java.util.Arrays.equals(before.get("model.embed_tokens.weight"),
                    lastGood.get("model.embed_tokens.weight")), "the finite step moved the weights");

            assertEquals(1, update.run(poisoned, SEED).skippedUpdates(), "a finite step reset the run");
            NonFiniteUpdateException stop = assertThrows(NonFiniteUpdateException.class,
                    () -> update.run(poisoned, SEED));
            assertEquals(2, stop.inARow());
            assertEquals(1, adam.stepCount());
            policy.weights().forEach((name, w) -> assertArrayEquals(lastGood.get(name), w, name));
        }
    }

    private static AdamWConfig adamw() {
        return new AdamWConfig(LR, 0.9, 0.99, 1e-8, 0.01);
    }

    /** The update as computed before minibatch planning existed. */
    private static UpdateMetrics directUpdate(Policy policy, Policy reference, AdamW optimizer,
            AlgorithmConfig algorithm, List<TrainingSequence> rows) {
        PolicyLoss loss = new PolicyLoss(algorithm.lossConfig());
        List<TrainingSequence> order = new ArrayList<>(rows);
        Random random = new Random(SEED);
        int steps = 0;
        double lossSum = 0;
        double clipSum = 0;
        double klSum = 0;
        double entropySum = 0;
        double normSum = 0;
        for (int epoch = 0; epoch < algorithm.ppoEpochs(); epoch++) {
            Collections.shuffle(order, random);
            int minibatches = Math.min(algorithm.minibatches(), order.size());
            for (int mb = 0; mb < minibatches; mb++) {
                SequenceBatch batch = SequenceBatch.of(order.subList(mb * order.size() / minibatches,
                        (mb + 1) * order.size() / minibatches));
                int[][] sequences = batch.sequences();
                Shape shape = new Shape(sequences.length, batch.width());
                LossResult result;
                double lossValue;
                TorchRuntime.enableGrad();
                try (NDManager m = policy.manager().newSubManager()) {
                    TorchRuntime.disableGrad();
                    NDArray refLogp = reference.score(m, sequences, SyntheticSequences.TEMPERATURE).logProbs();
                    refLogp.attach(m);
                    TorchRuntime.enableGrad();
                    try (GradientCollector gc = TorchRuntime.engine().newGradientCollector()) {
                        ScoreResult score = policy.score(m, sequences, SyntheticSequences.TEMPERATURE);
                        result = loss.compute(new LossInput(score.logProbs(), m.create(batch.oldLogProbs(), shape),
                                m.create(batch.advantages(), shape), m.create(batch.mask(), shape), refLogp,
                                score.entropies(), batch.macroActions()));
                        lossValue = result.loss().getFloat();
                        gc.backward(result.loss());
                    }
                }
                double norm = Gradients.clipGlobalNorm(policy.parameters(), GRAD_CLIP);
                optimizer.step(LR);
                steps++;
                lossSum += lossValue;
                clipSum += result.clipFraction();
                klSum += result.approxKl();
                entropySum += result.meanEntropy();
                normSum += norm;
            }
        }
        return new UpdateMetrics(lossSum / steps, entropySum / steps, clipSum / steps, klSum / steps,
                normSum / steps, steps, 0);
    }
}
