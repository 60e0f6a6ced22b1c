package io.cleave.train.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.model.ModelConfig;
import io.cleave.model.Policy;
import io.cleave.model.io.ModelDirectory;
import io.cleave.model.io.SafetensorsFile;
import io.cleave.optim.AdamW;
import io.cleave.optim.AdamWConfig;
import io.cleave.tokenizer.CharTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint layout, atomic completion, and an exact round trip of weights, moments and state. */
class CheckpointStoreTest {

    private static final CharTokenizer TOK = CharTokenizer.instance();
    private static final ModelConfig TINY = ModelConfig.preset("tiny", TOK.vocabSize());

    @TempDir
    Path dir;

    @Test
    void saveWritesAModelDirectoryWithOptimizerStateAndRestoresExactly() throws Exception {
        CheckpointStore store = CheckpointStore.at(dir.resolve("ckpt"));
        TrainerState state = new TrainerState(5, 5, 5, new DataCursor(2, 1), 9, "0123456789abcdef");
        try (Policy source = Policy.initialize(TINY, TOK, 1);
                AdamW adam = new AdamW(source.model().namedParameters(), AdamWConfig.DEFAULT)) {
            Map<String, float[]> moments = randomMoments(adam.exportMoments(), 4);
            adam.restore(moments, 5);
            Path saved = store.save(source, adam, state);

            assertEquals(dir.resolve("ckpt/step-00000005"), saved);
            for (String file : List.of("config.json", "model.safetensors", "optimizer.safetensors",
                    "trainer_state.json", "MANIFEST.json")) {
                assertTrue(Files.isRegularFile(saved.resolve(file)), file);
            }
            try (Stream<Path> children = Files.list(dir.resolve("ckpt"))) {
                assertEquals(List.of(saved), children.toList(), "no temporary directory is left");
            }
            Map<String, SafetensorsFile.Tensor> optimizerFile =
                    SafetensorsFile.read(saved.resolve("optimizer.safetensors"));
            assertArrayEquals(new long[] {64, 128},
                    optimizerFile.get("m.model.layers.0.mlp.down_proj.weight").shape());
            assertArrayEquals(moments.get("v.model.norm.weight"), optimizerFile.get("v.model.norm.weight").values());
            try (Policy loaded = ModelDirectory.load(saved)) {
                assertWeightsEqual(source.weights(), loaded.weights());
            }

            try (Policy target = Policy.initialize(TINY, TOK, 2);
                    AdamW fresh = new AdamW(target.model().namedParameters(), AdamWConfig.DEFAULT)) {
                TrainerState restored = CheckpointStore.restore(saved, target, fresh);
                assertEquals(state, restored);
                assertWeightsEqual(source.weights(), target.weights());
                assertWeightsEqual(moments, fresh.exportMoments());
                assertEquals(5, fresh.stepCount());
            }
        }
    }

    @Test
    void onlyCompleteCheckpointsCountAndUnfinishedOnesAreRemoved() throws Exception {
        CheckpointStore store = CheckpointStore.at(dir);
        assertEquals(Optional.empty(), store.latest());
        try (Policy policy = Policy.initialize(TINY, TOK, 1);
                AdamW adam = new AdamW(policy.model().namedParameters(), AdamWConfig.DEFAULT)) {
            store.save(policy, adam, new TrainerState(3, 3, 3, DataCursor.START, 0, "aa"));
            store.save(policy, adam, new TrainerState(12, 12, 12, DataCursor.START, 0, "aa"));
            IllegalStateException twice = assertThrows(IllegalStateException.class,
                    () -> store.save(policy, adam, new TrainerState(3, 3, 3, DataCursor.START, 0, "aa")));
            assertTrue(twice.getMessage().endsWith("step-00000003 already exists"), twice.getMessage());
        }
        Path incomplete = Files.createDirectories(dir.resolve("step-00000020"));
        Files.writeString(incomplete.resolve("trainer_state.json"), "{}");
        Path crashed = Files.createDirectories(dir.resolve(".tmp-step-00000030-1-2"));
        Files.writeString(crashed.resolve("model.safetensors"), "half a file");

        assertEquals(List.of(dir.resolve("step-00000003"), dir.resolve("step-00000012")), store.completeCheckpoints());
        assertEquals(Optional.of(dir.resolve("step-00000012")), store.latest());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CheckpointStore.readState(incomplete));
        assertEquals(incomplete + " is not a complete checkpoint: " + incomplete.resolve("MANIFEST.json")
                + " is missing", e.getMessage());
        store.removeUnfinished();
        assertFalse(Files.exists(crashed));
        assertTrue(Files.exists(incomplete), "only the store's own temporary directories are removed");
    }

    @Test
    void aTornOrCorruptedCheckpointIsSkippedInFavourOfThePreviousCompleteOne() throws Exception {
        CheckpointStore store = CheckpointStore.at(dir);
        try (Policy policy = Policy.initialize(TINY, TOK, 1);
                AdamW adam = new AdamW(policy.model().namedParameters(), AdamWConfig.DEFAULT)) {
            for (long step = 1; step <= 4; step++) {
                store.save(policy, adam, new TrainerState(step, step, step, DataCursor.START, 0, "aa"));
            }
        }
        Path flipped = dir.resolve("step-00000004");
        byte[] weights = Files.readAllBytes(flipped.resolve("model.safetensors"));
        weights[weights.length - 5] ^= 0x10;
        Files.write(flipped.resolve("model.safetensors"), weights);
        Path truncated = dir.resolve("step-00000003");
        byte[] moments = Files.readAllBytes(truncated.resolve("optimizer.safetensors"));
        Files.write(truncated.resolve("optimizer.safetensors"), Arrays.copyOf(moments, moments.length / 2));
        Path noManifest = dir.resolve("step-00000002");
        Files.delete(noManifest.resolve("MANIFEST.json"));

        assertEquals(Optional.of(flipped.resolve("model.safetensors") + " does not match its SHA-256 in the manifest"),
                CheckpointManifest.verify(flipped));
        assertEquals(Optional.of(truncated.resolve("optimizer.safetensors") + " has " + moments.length / 2
                + " bytes, the manifest lists " + moments.length), CheckpointManifest.verify(truncated));
        assertEquals(Optional.of(noManifest.resolve("MANIFEST.json") + " is missing"),
                CheckpointManifest.verify(noManifest));
        assertEquals(Optional.of(dir.resolve("step-00000001")), store.latest());
        assertEquals(List.of(dir.resolve("step-00000001")), store.completeCheckpoints());
        assertThrows(IllegalArgumentException.class, () -> CheckpointStore.readState(flipped));

        try (Policy policy = Policy.initialize(TINY, TOK, 1);
                AdamW adam = new AdamW(policy.model().namedParameters(), AdamWConfig.DEFAULT)) {
            store.save(policy, adam, new TrainerState(4, 4, 4, DataCursor.START, 0, "aa"));
        }
        assertEquals(Optional.of(flipped), store.latest(), "saving the step again replaces the corrupted one");
        try (Stream<Path> children = Files.list(dir)) {
            assertEquals(1, children.filter(p -> p.getFileName().toString().startsWith(".invalid-step-00000004-"))
                    .count(), "the corrupted directory is kept aside");
        }
    }

    @Test
    void restoringIntoAnotherArchitectureNamesTheDirectory() throws Exception {
        CheckpointStore store = CheckpointStore.at(dir);
        Path saved;
        try (Policy policy = Policy.initialize(TINY, TOK, 1);
                AdamW adam = new AdamW(policy.model().namedParameters(), AdamWConfig.DEFAULT)) {
            saved = store.save(policy, adam, new TrainerState(1, 1, 1, DataCursor.START, 0, "aa"));
        }
        ModelConfig wider = new ModelConfig(TINY.vocabSize(), 32, 1, 2, 1, 64, 128, 10000, 1e-6, false, true);
        try (Policy other = Policy.initialize(wider, TOK, 1);
                AdamW adam = new AdamW(other.model().namedParameters(), AdamWConfig.DEFAULT)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CheckpointStore.restore(saved, other, adam));
            assertTrue(e.getMessage().startsWith(saved + ": checkpoint architecture"), e.getMessage());
        }
    }

    private static Map<String, float[]> randomMoments(Map<String, float[]> like, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, float[]> out = new LinkedHashMap<>();
        like.forEach((name, values) -> {
            float[] v = new float[values.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (name.startsWith("v.") ? random.nextDouble() : random.nextGaussian());
            }
            out.put(name, v);
        });
        return out;
    }

    private static void assertWeightsEqual(Map<String, float[]> expected, Map<String, float[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, values) -> assertArrayEquals(values, actual.get(name), name));
    }
}
