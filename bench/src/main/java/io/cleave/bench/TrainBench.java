package io.cleave.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.cleave.model.ModelConfig;
import io.cleave.model.Policy;
import io.cleave.model.ScoreResult;
import io.cleave.model.TorchRuntime;
import io.cleave.optim.AdamW;
import io.cleave.optim.AdamWConfig;
import io.cleave.optim.Gradients;

/**
 * Training throughput: score (log-probs and entropies) + backward of the mean token NLL + global-norm clipping +
 * AdamW, the steps of a policy update.
 */
final class TrainBench {

    private TrainBench() {}

    /** Trained tokens per second over {@code shape.trainSteps()} steps after one warm-up step. */
    static double tokensPerSecond(Policy policy, BenchShape shape) {
        int[][] batch = new int[shape.trainBatch()][];
        for (int b = 0; b < batch.length; b++) {
            batch[b] = BenchShape.sequence(b, shape.trainLength());
        }
        try (AdamW adam = new AdamW(policy.model().namedParameters(), AdamWConfig.DEFAULT)) {
            step(policy, adam, batch);
            long t0 = System.nanoTime();
            for (int i = 0; i < shape.trainSteps(); i++) {
                step(policy, adam, batch);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            return (double) shape.trainSteps() * batch.length * shape.trainLength() / seconds;
        }
    }

    private static void step(Policy policy, AdamW adam, int[][] batch) {
        TorchRuntime.enableGrad();
        try (NDManager m = policy.manager().newSubManager();
                GradientCollector gc = TorchRuntime.engine().newGradientCollector()) {
            ScoreResult s = policy.score(m, batch, 1.0);
            NDArray loss = s.logProbs().mul(s.valid()).sum().neg().div(s.valid().sum());
            gc.backward(loss);
        }
        Gradients.clipGlobalNorm(policy.parameters(), 1.0);
        adam.step(1e-4);
    }

    /**
     * Model FLOPs per trained token: {@code 6 (N_matmul + V C) + 6 L C T} (forward and backward of every weight
     * matrix and of the output head, plus causal attention scores and context over an average of T/2 keys).
     */
    static double flopsPerToken(ModelConfig c, int length) {
        long d = c.headDim();
        long perLayer = (long) c.hiddenSize() * c.numAttentionHeads() * d * 2
                + (long) c.hiddenSize() * c.numKeyValueHeads() * d * 2 + 3L * c.hiddenSize() * c.intermediateSize();
        double matmulParams = (double) perLayer * c.numHiddenLayers() + (double) c.vocabSize() * c.hiddenSize();
        return 6 * matmulParams + 6.0 * c.numHiddenLayers() * c.hiddenSize() * length;
    }
}
