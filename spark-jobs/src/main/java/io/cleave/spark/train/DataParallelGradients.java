package io.cleave.spark.train;

import io.cleave.model.Policy;
import io.cleave.spark.executor.GradientPartition;
import io.cleave.spark.executor.JobSpec;
import io.cleave.spark.executor.PartitionGradient;
import io.cleave.spark.executor.WeightsPayload;
import io.cleave.train.rl.TrainingSetup;
import io.cleave.train.update.GradientSource;
import io.cleave.train.update.LossGradient;
import io.cleave.train.update.MinibatchPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The gradient source of {@code update.mode=data-parallel}. For every optimizer step the driver's current weights
 * go out as a new broadcast version (keyed {@code <run>/update/v<optimizer steps>}; the previous step's broadcast
 * is destroyed), the minibatch's weighted rows are cut into contiguous slices over at most {@code partitions}
 * partitions, every partition computes the gradient of its slice's share of the minibatch loss on an executor
 * ({@link GradientPartition}), and the driver sums the returned gradients in partition-index order, so that for a
 * given partition count the sum, and the whole run, is deterministic. When the loss has a KL term the frozen
 * reference is broadcast once and cached by every executor JVM next to the policy.
 */
public final class DataParallelGradients implements GradientSource, AutoCloseable {

    private final JavaSparkContext jsc;
    private final JobSpec spec;
    private final TrainingSetup setup;
    private final String run;
    private final Path spillRoot;
    private final int partitions;
    private final Broadcast<WeightsPayload> reference;
    private Broadcast<WeightsPayload> current;

    /**
     * A source over the setup's policy, optimizer and loss reference.
     *
     * @param runId identity of this run of the job (executor caches key on it)
     * @param weightsDir where weights too large to broadcast are written for executors to read
     * @param partitions most partitions a minibatch is split into (one gradient task each)
     */
    public DataParallelGradients(JavaSparkContext jsc, JobSpec spec, TrainingSetup setup, String runId,
            Path weightsDir, int partitions) throws IOException {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        }
        this.jsc = jsc;
        this.spec = spec;
        this.setup = setup;
        this.run = runId + "/update";
        this.spillRoot = weightsDir.resolve("update");
        this.partitions = partitions;
        Optional<Policy> frozen = setup.update().lossReference();
        this.reference = frozen.isEmpty() ? null : jsc.broadcast(WeightsPayload.of(frozen.get(),
                runId + "/reference", 0, weightsDir.resolve("reference"), setup.tokenizerSource()));
    }

    @Override
    public LossGradient gradients(MinibatchPlan plan) {
        long version = setup.optimizer().stepCount();
        jsc.setJobDescription("update step " + (version + 1) + ": data-parallel gradients of " + plan.size()
                + " rows");
        Broadcast<WeightsPayload> weights;
        try {
            weights = jsc.broadcast(WeightsPayload.of(setup.policy(), run, version, spillRoot,
                    setup.tokenizerSource()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (current != null) {
            current.destroy();
        }
        current = weights;
        List<PartitionGradient> outcomes = new ArrayList<>(jsc.parallelize(plan.rows(),
                Math.min(partitions, plan.size()))
                .mapPartitionsWithIndex(new GradientPartition(spec, weights, reference), false)
                .collect());
        outcomes.sort(Comparator.comparingInt(PartitionGradient::partition));
        return LossGradient.sum(outcomes.stream().map(PartitionGradient::gradients).toList());
    }

    /** Destroys the last step's broadcast and the reference's. */
    @Override
    public void close() {
        if (current != null) {
            current.destroy();
            current = null;
        }
        if (reference != null) {
            reference.destroy();
        }
    }
}
