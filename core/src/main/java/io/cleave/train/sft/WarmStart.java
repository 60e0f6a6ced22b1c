package io.cleave.train.sft;

import io.cleave.env.demo.ExpertNoise;
import io.cleave.env.tasks.TaskSuite;
import io.cleave.model.ModelConfig;
import io.cleave.model.Policy;
import io.cleave.model.io.ModelDirectory;
import io.cleave.tokenizer.CharTokenizer;
import io.cleave.train.CheckpointStore;
import io.cleave.train.LearningRateSchedule;
import java.io.IOException;
import java.nio.file.Path;
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
 * @param learningRate peak learning rate (cosine schedule with warm-up)
 * @param seed seed of initialisation, demonstrations and data order
 */
public record WarmStart(String preset, int demonstrations, ExpertNoise noise, int steps, int batchSize,
        double learningRate, long seed) {

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
    }

    /**
     * Trains and writes the model to {@code out} (resuming from {@code out/checkpoints} when a checkpoint is
     * there).
     */
    public SftResult run(TaskSuite suite, Path out, SftListener listener) throws IOException {
        CharTokenizer tokenizer = CharTokenizer.instance();
        List<SftExample> examples = DemonstrationExamples.of(suite, demonstrations, noise, seed, tokenizer);
        SftConfig config = SftConfig.defaults()
                .withSchedule(LearningRateSchedule.defaults(learningRate, steps))
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
}
