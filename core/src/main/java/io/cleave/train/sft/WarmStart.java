package io.cleave.train.sft;

import io.cleave.env.demo.ExpertNoise;
import io.cleave.env.tasks.TaskSuite;
import io.cleave.env.tasks.multihop.MultihopSuite;
import io.cleave.model.ModelConfig;
import io.cleave.model.Policy;
import io.cleave.model.io.ModelDirectory;
import io.cleave.tokenizer.CharTokenizer;
import io.cleave.train.LearningRateSchedule;
import io.cleave.train.checkpoint.CheckpointStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The supervised warm start: a freshly initialised model of a preset, trained on the scripted expert's noisy
 * demonstrations of a suite's train split, written as a model directory (checkpoints under {@code checkpoints/},
 * resumable).
 *
 * @param preset model preset
 * @param demonstrations number of demonstrations drawn
 * @param noise how imperfect the expert is
 * @param steps optimizer steps
 * @param batchSize sequences per step
 * @param learningRate peak learning rate, reached after a warm-up of
 *     {@link LearningRateSchedule#DEFAULT_WARMUP_FRACTION} of the steps
 * @param schedule decay after the warm-up ({@link LearningRateSchedule#DEFAULT_KIND} unless chosen)
 * @param seed seed of initialisation, demonstrations and data order
 */
public record WarmStart(String preset, int demonstrations, ExpertNoise noise, int steps, int batchSize,
        double learningRate, LearningRateSchedule.Kind schedule, long seed) {

    /** Validates the fields; messages name the option. */
    public WarmStart {
        ModelConfig.preset(preset, CharTokenizer.instance().vocabSize());
        if (demonstrations < 1) {
            throw new IllegalArgumentException("--examples must be >= 1, got " + demonstrations);
        }
        if (steps < 1 || batchSize < 1) {
            throw new IllegalArgumentException("--steps and --batch must be >= 1, got " + steps + ", " + batchSize);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("--lr must be > 0, got " + learningRate);
        }
        if (schedule == null) {
            throw new IllegalArgumentException("--schedule must be set");
        }
    }

    /**
     * Trains and writes the model to {@code out} (resuming from {@code out/checkpoints} when a checkpoint is
     * there).
     */
    public SftResult run(TaskSuite suite, Path out, SftListener listener) throws IOException {
        return run(List.of(suite), out, listener);
    }

    /**
     * As {@link #run(TaskSuite, Path, SftListener)}, with the demonstrations drawn from several suites in equal
     * shares (the first ones take one more when the count does not divide): instances of one suite over different
     * generated worlds, so that a model cannot pass by memorising one world's names.
     */
    public SftResult run(List<TaskSuite> suites, Path out, SftListener listener) throws IOException {
        CharTokenizer tokenizer = CharTokenizer.instance();
        List<SftExample> examples = examples(suites, tokenizer);
        SftConfig config = SftConfig.defaults()
                .withSchedule(LearningRateSchedule.defaults(learningRate, steps).withKind(schedule))
                .withBatchSize(batchSize)
                .withSeed(seed)
                .withCheckpointEvery(Math.max(1, steps / 4));
        try (Policy policy = Policy.initialize(ModelConfig.preset(preset, tokenizer.vocabSize()), tokenizer, seed)) {
            SftTrainer trainer = new SftTrainer(policy, config, CheckpointStore.at(out.resolve("checkpoints")))
                    .listener(listener);
            SftResult result = trainer.resume(examples);
            ModelDirectory.save(policy, out, null);
            return result;
        }
    }

    /**
     * The suites to draw demonstrations from for {@code worlds} generated worlds: {@code configured} alone for one
     * world; for more, the configured multihop world and those of the next world seeds
     * ({@link MultihopSuite#otherWorld}).
     *
     * @throws IllegalArgumentException when {@code worlds < 1}, or {@code worlds > 1} for a suite other than multihop
     */
    public static List<TaskSuite> worlds(TaskSuite configured, int worlds) {
        if (worlds < 1) {
            throw new IllegalArgumentException("--worlds must be >= 1, got " + worlds);
        }
        if (worlds == 1) {
            return List.of(configured);
        }
        if (!(configured instanceof MultihopSuite multihop)) {
            throw new IllegalArgumentException("--worlds applies to the multihop suite only, not "
                    + configured.name());
        }
        List<TaskSuite> suites = new ArrayList<>();
        for (int offset = 0; offset < worlds; offset++) {
            suites.add(offset == 0 ? multihop : multihop.otherWorld(offset));
        }
        return suites;
    }

    /** The demonstrations of {@code suites} in equal shares, the first suites taking one more when needed. */
    List<SftExample> examples(List<TaskSuite> suites, CharTokenizer tokenizer) {
        if (suites.isEmpty() || suites.size() > demonstrations) {
            throw new IllegalArgumentException("need between 1 and --examples (" + demonstrations
                    + ") suites to draw demonstrations from, got " + suites.size());
        }
        List<SftExample> examples = new ArrayList<>();
        for (int i = 0; i < suites.size(); i++) {
            int share = demonstrations / suites.size() + (i < demonstrations % suites.size() ? 1 : 0);
            examples.addAll(DemonstrationExamples.of(suites.get(i), share, noise, seed, tokenizer));
        }
        return examples;
    }
}
