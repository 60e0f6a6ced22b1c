package io.cleave.spark.executor;

import io.cleave.train.update.BackwardPass;
import io.cleave.train.update.WeightedSequence;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * The executor side of one data-parallel update step: the partition's weighted rows, scored by the JVM's cached
 * policy at the step's weights version (and the cached reference when the loss has a KL term), give one
 * {@link PartitionGradient} holding the gradient of their share of the minibatch loss. {@link BackwardPass} turns
 * autograd on in the task thread and takes the JVM's gradient lock, so the tasks of one executor JVM compute
 * their gradients one at a time. An empty partition returns nothing.
 */
public final class GradientPartition
        implements Function2<Integer, Iterator<WeightedSequence>, Iterator<PartitionGradient>> {

    private static final long serialVersionUID = 1L;

    private final JobSpec spec;
    private final Broadcast<WeightsPayload> weights;
    private final Broadcast<WeightsPayload> reference;

    /**
     * @param reference the frozen reference's weights, or null when the loss has no KL term
     */
    public GradientPartition(JobSpec spec, Broadcast<WeightsPayload> weights, Broadcast<WeightsPayload> reference) {
        this.spec = spec;
        this.weights = weights;
        this.reference = reference;
    }

    @Override
    public Iterator<PartitionGradient> call(Integer partition, Iterator<WeightedSequence> rows) {
        List<WeightedSequence> shard = new ArrayList<>();
        rows.forEachRemaining(shard::add);
        if (shard.isEmpty()) {
            return List.<PartitionGradient>of().iterator();
        }
        ExecutorThreads.configure();
        BackwardPass gradients = new BackwardPass(spec.algorithmConfig().lossConfig(),
                spec.rollout().sampling().scoringTemperature());
        PartitionGradient outcome = ExecutorPolicyCache.withPolicies(spec, weights.value(),
                reference == null ? null : reference.value(), TaskDevices.assigned(),
                (policy, frozen) -> new PartitionGradient(partition, gradients.compute(policy, frozen, shard)));
        return List.of(outcome).iterator();
    }
}
