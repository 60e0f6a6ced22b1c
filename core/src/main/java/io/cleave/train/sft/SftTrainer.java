package io.cleave.train.sft;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import io.cleave.model.Policy;
import io.cleave.model.TorchRuntime;
import io.cleave.optim.AdamW;
import io.cleave.optim.Gradients;
import io.cleave.train.checkpoint.CheckpointStore;
import io.cleave.train.checkpoint.DataCursor;
import io.cleave.train.checkpoint.TrainerState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supervised fine-tuning of a {@link Policy} on {@link SftExample}s. Each step takes the next minibatch of a
 * {@link ShuffledOrder} seeded by {@link SftConfig#seed()}, computes {@link SftLoss} (mean {@code -log pi} over the
 * batch's target tokens), back-propagates, clips the gradient to {@link SftConfig#gradClip()} global norm, and
 * applies AdamW with the schedule's learning rate for that step. The policy is updated in place.
 *
 * <p>With a {@link CheckpointStore}, a checkpoint is written every {@link SftConfig#checkpointEvery()} steps and
 * after the last step; {@link #resume} continues from the newest complete one and reaches exactly the weights an
 * uninterrupted run reaches (same data order, schedule position, optimizer moments and step count), provided the
 * config and the examples are the same. Progress goes to SLF4J every {@link SftConfig#logEvery()} steps and to the
 * {@link SftListener} after every step. Runs on the calling thread, with autograd turned on in it.
 */
public final class SftTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(SftTrainer.class);

    private final Policy policy;
    private final SftConfig config;
    private final CheckpointStore checkpoints;
    private SftListener listener = progress -> {};

    /** A trainer that writes no checkpoints. */
    public SftTrainer(Policy policy, SftConfig config) {
        this(policy, config, null);
    }

    /**
     * A trainer that writes checkpoints to {@code checkpoints} ({@code null}: none).
     *
     * @throws IllegalArgumentException when {@code max_sequence_length} exceeds the model's context
     */
    public SftTrainer(Policy policy, SftConfig config, CheckpointStore checkpoints) {
        if (config.maxSequenceLength() > policy.config().maxPositionEmbeddings()) {
            throw new IllegalArgumentException("max_sequence_length (" + config.maxSequenceLength()
                    + ") exceeds the model's max_position_embeddings (" + policy.config().maxPositionEmbeddings()
                    + ")");
        }
        this.policy = policy;
        this.config = config;
        this.checkpoints = checkpoints;
    }

    /** Sets the listener that receives every step's progress and every checkpoint; returns this trainer. */
    public SftTrainer listener(SftListener l) {
        if (l == null) {
            throw new IllegalArgumentException("listener must not be null");
        }
        this.listener = l;
        return this;
    }

    /**
     * Trains from the policy's current weights for {@link SftConfig#steps()} steps.
     *
     * @throws IllegalStateException when the checkpoint store already holds a complete checkpoint (use
     *     {@link #resume} or another directory)
     * @throws IllegalArgumentException naming the example that is empty of targets, too long or out of vocabulary
     */
    public SftResult train(List<SftExample> examples) throws IOException {
        if (checkpoints != null) {
            checkpoints.removeUnfinished();
            Optional<Path> existing = checkpoints.latest();
            if (existing.isPresent()) {
                throw new IllegalStateException(checkpoints.root() + " already holds checkpoint " + existing.get()
                        + "; resume from it or write to an empty directory");
            }
        }
        return run(examples, null);
    }

    /**
     * Continues the run from the newest complete checkpoint of the store (loading its weights into the policy and
     * its moments into the optimizer), or trains from the start when there is none. Unfinished checkpoint
     * directories left by a crash are deleted first.
     *
     * @throws IllegalStateException when the trainer has no checkpoint store
     * @throws IllegalArgumentException when the checkpoint was written with another seed, other examples, more
     *     steps than configured, or for another architecture
     */
    public SftResult resume(List<SftExample> examples) throws IOException {
        if (checkpoints == null) {
            throw new IllegalStateException("resume needs a checkpoint store");
        }
        checkpoints.removeUnfinished();
        return run(examples, checkpoints.latest().orElse(null));
    }

    private SftResult run(List<SftExample> examples, Path from) throws IOException {
        validate(examples);
        long started = System.nanoTime();
        String fingerprint = DataFingerprint.of(examples);
        ShuffledOrder order = new ShuffledOrder(examples.size(), config.seed());
        List<Parameter> parameters = policy.parameters();
        try (AdamW optimizer = new AdamW(policy.model().namedParameters(), config.optimizer())) {
            TrainerState state = from == null
                    ? new TrainerState(0, 0, 0, DataCursor.START, config.seed(), fingerprint)
                    : restore(from, optimizer, fingerprint);
            long startStep = state.step();
            DataCursor cursor = state.dataCursor();
            Path lastCheckpoint = from;
            double[] curve = new double[Math.toIntExact(config.steps() - startStep)];
            SftLogWindow window = new SftLogWindow(config.steps());
            long trainingNanos = 0;
            long tokens = 0;
            for (long s = startStep; s < config.steps(); s++) {
                ShuffledOrder.Batch next = order.next(cursor, config.batchSize());
                List<SftExample> batch = new ArrayList<>(next.indices().length);
                for (int i : next.indices()) {
                    batch.add(examples.get(i));
                }
                long t0 = System.nanoTime();
                double loss = lossAndGradients(batch, s);
                double gradNorm = Gradients.clipGlobalNorm(parameters, config.gradClip());
                if (!Double.isFinite(gradNorm)) {
                    throw notFinite("gradient norm", gradNorm, s);
                }
                double lr = config.schedule().at(s);
                optimizer.step(lr);
                long elapsed = System.nanoTime() - t0;
                cursor = next.next();
                long done = s + 1;
                int batchTokens = batch.stream().mapToInt(SftExample::length).sum();
                trainingNanos += elapsed;
                tokens += batchTokens;
                curve[(int) (s - startStep)] = loss;
                SftProgress progress = new SftProgress(done, config.steps(), loss, lr, gradNorm, batchTokens,
                        SftLoss.targetCount(batch), batchTokens / (elapsed / 1e9));
                window.add(progress, elapsed);
                if (done % config.logEvery() == 0 || done == config.steps()) {
                    window.flush(LOG);
                }
                listener.onStep(progress);
                if (checkpoints != null && (done == config.steps()
                        || config.checkpointEvery() > 0 && done % config.checkpointEvery() == 0)) {
                    lastCheckpoint = checkpoints.save(policy, optimizer, new TrainerState(done,
                            optimizer.stepCount(), done, cursor, config.seed(), fingerprint));
                    LOG.info("sft checkpoint step {} -> {}", done, lastCheckpoint);
                    listener.onCheckpoint(done, lastCheckpoint);
                }
            }
            return new SftResult(startStep, config.steps(), curve.length == 0 ? Double.NaN : curve[curve.length - 1],
                    curve, Duration.ofNanos(System.nanoTime() - started),
                    trainingNanos == 0 ? 0 : tokens / (trainingNanos / 1e9), Optional.ofNullable(lastCheckpoint));
        }
    }

    /** Forward and backward of one batch; leaves the gradients in the parameters and returns the loss. */
    private double lossAndGradients(List<SftExample> batch, long step) {
        TorchRuntime.enableGrad();
        double loss;
        try (NDManager scratch = policy.manager().newSubManager();
                GradientCollector collector = TorchRuntime.engine().newGradientCollector()) {
            NDArray value = SftLoss.mean(policy, scratch, batch);
            collector.backward(value);
            loss = value.getFloat();
        }
        if (!Double.isFinite(loss)) {
            throw notFinite("loss", loss, step);
        }
        return loss;
    }

    /** Clears the gradients and describes a step that was stopped before its update. */
    private IllegalStateException notFinite(String what, double value, long step) {
        Gradients.zero(policy.parameters());
        return new IllegalStateException("sft " + what + " is " + value + " at step " + (step + 1)
                + "; no update was applied (lower the learning rate or check the data)");
    }

    private TrainerState restore(Path dir, AdamW optimizer, String fingerprint) throws IOException {
        TrainerState state = CheckpointStore.readState(dir);
        if (state.seed() != config.seed()) {
            throw new IllegalArgumentException(dir + " was written with seed " + state.seed()
                    + " but the config has seed " + config.seed());
        }
        if (!state.dataFingerprint().equals(fingerprint)) {
            throw new IllegalArgumentException(dir + " was written while training on other examples (data "
                    + "fingerprint " + state.dataFingerprint() + ", now " + fingerprint + ")");
        }
        if (state.step() > config.steps()) {
            throw new IllegalArgumentException(dir + " is at step " + state.step() + ", past the config's steps ("
                    + config.steps() + ")");
        }
        CheckpointStore.restore(dir, policy, optimizer);
        LOG.info("sft resumed from {} at step {}", dir, state.step());
        return state;
    }

    private void validate(List<SftExample> examples) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("sft needs at least one example");
        }
        int vocab = policy.config().vocabSize();
        for (int i = 0; i < examples.size(); i++) {
            SftExample e = examples.get(i);
            if (e.length() > config.maxSequenceLength()) {
                throw new IllegalArgumentException("example " + i + " has " + e.length()
                        + " tokens, more than max_sequence_length " + config.maxSequenceLength());
            }
            for (int t = 0; t < e.length(); t++) {
                if (e.tokens()[t] >= vocab) {
                    throw new IllegalArgumentException("example " + i + " token " + t + " has id " + e.tokens()[t]
                            + ", outside the model's vocabulary of " + vocab);
                }
            }
        }
    }
}
