package io.cleave.train.checkpoint;

import ai.djl.ndarray.types.Shape;
import io.cleave.model.Policy;
import io.cleave.model.io.ModelDirectory;
import io.cleave.model.io.SafetensorsFile;
import io.cleave.optim.AdamW;
import io.cleave.train.run.FileTrees;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Training checkpoints under one root directory, one sub-directory per step:
 * <pre>
 * ROOT/step-00000020/
 *   config.json, model.safetensors   a model directory ({@link ModelDirectory#load} reads it)
 *   optimizer.safetensors            AdamW moments ({@link OptimizerCheckpoint})
 *   trainer_state.json               step, schedule position, data cursor, seed ({@link TrainerState})
 *   MANIFEST.json                    written last: every file's size and SHA-256 ({@link CheckpointManifest})
 * </pre>
 * A checkpoint is written into {@code ROOT/.tmp-step-00000020-*}, its files are flushed to disk, the manifest is
 * added atomically, and the directory is renamed into place in one atomic move; a crash at any point leaves either
 * the whole checkpoint or none (an unfinished temporary directory, removed by {@link #removeUnfinished}). Only a
 * directory whose files match its manifest counts as a checkpoint: one that does not (a torn write, a flipped
 * byte) is skipped with a warning naming the file, in favour of the previous complete one, and when a run comes
 * to save that step again it is moved aside to {@code ROOT/.invalid-step-N-*} (kept for inspection).
 */
public final class CheckpointStore {

    /** Trainer state file inside a checkpoint directory. */
    public static final String STATE_FILE = "trainer_state.json";

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);
    private static final String TEMP_PREFIX = ".tmp-";
    private static final String INVALID_PREFIX = ".invalid-";
    private static final Pattern STEP_DIR = Pattern.compile("step-(\\d{8,})");

    private final Path root;
    private final Path tokenizerSource;

    private CheckpointStore(Path root, Path tokenizerSource) {
        this.root = root;
        this.tokenizerSource = tokenizerSource;
    }

    /** Checkpoints of a policy with Cleave's character tokenizer under {@code root}. */
    public static CheckpointStore at(Path root) {
        return new CheckpointStore(root, null);
    }

    /**
     * Checkpoints under {@code root} of a policy whose Hugging Face tokenizer files lie in {@code tokenizerSource};
     * they are copied into every checkpoint.
     */
    public static CheckpointStore at(Path root, Path tokenizerSource) {
        return new CheckpointStore(root, tokenizerSource);
    }

    /** The root directory. */
    public Path root() {
        return root;
    }

    /** Where the checkpoint of {@code step} lives: {@code ROOT/step-%08d}. */
    public Path directoryFor(long step) {
        return root.resolve(String.format("step-%08d", step));
    }

    /** Checkpoint directories ({@code step-N}, complete or not), oldest step first. */
    public List<Path> stepDirectories() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(p -> STEP_DIR.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong(CheckpointStore::stepOf))
                    .toList();
        }
    }

    /** Complete checkpoint directories, oldest step first; each one skipped is logged with its reason. */
    public List<Path> completeCheckpoints() throws IOException {
        return stepDirectories().stream().filter(CheckpointStore::verifiedOrWarn).toList();
    }

    /**
     * The complete checkpoint with the highest step, if any: newer directories that do not match their manifest
     * are skipped with a warning naming the file.
     */
    public Optional<Path> latest() throws IOException {
        List<Path> all = stepDirectories();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (verifiedOrWarn(all.get(i))) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    private static boolean verifiedOrWarn(Path dir) {
        Optional<String> problem = CheckpointManifest.verify(dir);
        problem.ifPresent(p -> LOG.warn("skipping checkpoint {}: {}", dir, p));
        return problem.isEmpty();
    }

    /**
     * Writes a checkpoint of {@code policy} and {@code optimizer} at {@code state.step()} atomically and returns its
     * directory.
     *
     * @throws IllegalStateException when a complete checkpoint of that step already exists (an incomplete one is
     *     moved aside)
     */
    public Path save(Policy policy, AdamW optimizer, TrainerState state) throws IOException {
        return save(policy, optimizer, state, Map.of());
    }

    /**
     * Like {@link #save(Policy, AdamW, TrainerState)}, also writing {@code extraFiles} (name to text, e.g. the
     * resolved run config) into the checkpoint before it is marked complete.
     */
    public Path save(Policy policy, AdamW optimizer, TrainerState state, Map<String, String> extraFiles)
            throws IOException {
        Path target = directoryFor(state.step());
        if (Files.exists(target)) {
            Optional<String> problem = CheckpointManifest.verify(target);
            if (problem.isEmpty()) {
                throw new IllegalStateException("checkpoint " + target + " already exists");
            }
            Path aside = root.resolve(INVALID_PREFIX + target.getFileName() + "-" + System.nanoTime());
            LOG.warn("moving the incomplete checkpoint {} aside to {} ({})", target, aside, problem.get());
            Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.createDirectories(root);
        Path temp = Files.createDirectory(root.resolve(TEMP_PREFIX + target.getFileName() + "-"
                + ProcessHandle.current().pid() + "-" + System.nanoTime()));
        try {
            ModelDirectory.save(policy, temp, tokenizerSource);
            OptimizerCheckpoint.write(temp.resolve(OptimizerCheckpoint.FILE_NAME), optimizer, shapes(policy));
            Files.writeString(temp.resolve(STATE_FILE), state.toJson(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> extra : extraFiles.entrySet()) {
                Files.writeString(temp.resolve(extra.getKey()), extra.getValue(), StandardCharsets.UTF_8);
            }
            flushFiles(temp);
            CheckpointManifest.write(temp);
            flush(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            flush(root);
        } catch (IOException | RuntimeException e) {
            try {
                FileTrees.delete(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return target;
    }

    /**
     * Reads the trainer state of a complete checkpoint.
     *
     * @throws IllegalArgumentException when {@code dir} is not a complete checkpoint or its state is malformed
     */
    public static TrainerState readState(Path dir) throws IOException {
        requireComplete(dir);
        Path file = dir.resolve(STATE_FILE);
        return TrainerState.fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Loads a complete checkpoint's weights into {@code policy} (in place) and its moments into {@code optimizer},
     * and returns its trainer state.
     *
     * @throws IllegalArgumentException naming the directory when it is incomplete or was written for another
     *     architecture
     */
    public static TrainerState restore(Path dir, Policy policy, AdamW optimizer) throws IOException {
        TrainerState state = readState(dir);
        if (!ModelDirectory.readConfig(dir).equals(policy.config())) {
            throw new IllegalArgumentException(dir + ": checkpoint architecture " + ModelDirectory.readConfig(dir)
                    + " differs from the policy's " + policy.config());
        }
        Map<String, float[]> weights = new LinkedHashMap<>();
        SafetensorsFile.read(dir.resolve("model.safetensors")).forEach((name, t) -> weights.put(name, t.values()));
        try {
            policy.loadWeights(weights);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(dir + ": " + e.getMessage(), e);
        }
        OptimizerCheckpoint.restore(dir.resolve(OptimizerCheckpoint.FILE_NAME), optimizer, shapes(policy),
                state.optimizerSteps());
        return state;
    }

    /** Deletes temporary directories left under the root by saves that did not finish. */
    public void removeUnfinished() throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> children = Files.list(root)) {
            for (Path p : children.filter(p -> p.getFileName().toString().startsWith(TEMP_PREFIX)).toList()) {
                FileTrees.delete(p);
            }
        }
    }

    private static void requireComplete(Path dir) {
        CheckpointManifest.verify(dir).ifPresent(problem -> {
            throw new IllegalArgumentException(dir + " is not a complete checkpoint: " + problem);
        });
    }

    private static long stepOf(Path dir) {
        Matcher m = STEP_DIR.matcher(dir.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    private static Map<String, Shape> shapes(Policy policy) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        policy.model().namedParameters().forEach((name, p) -> shapes.put(name, p.getArray().getShape()));
        return shapes;
    }

    private static void flushFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                flush(f);
            }
        }
        flush(dir);
    }

    private static void flush(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
