package io.cleave.train.rl;

import io.cleave.train.checkpoint.CheckpointStore;
import io.cleave.train.checkpoint.DataCursor;
import io.cleave.train.checkpoint.TrainerState;
import io.cleave.train.run.RunStoppedException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The checkpoints of an RL run: where the run starts (restoring the newest complete checkpoint on resume) and what
 * is saved after an iteration: the policy, the AdamW moments, the trainer state with the prompt cursor as
 * {@code (epoch, offset)} over the schedule's pool, and the resolved config.
 */
public final class RunCheckpoints {

    private final TrainingSetup setup;
    private final CheckpointStore store;

    /** The checkpoints of {@code setup}'s run in {@code store}. */
    public RunCheckpoints(TrainingSetup setup, CheckpointStore store) {
        this.setup = setup;
        this.store = store;
    }

    /**
     * Where the run starts. With {@code resume}, the newest complete checkpoint (if any) is restored into the
     * setup's policy and optimizer; unfinished checkpoint directories are removed either way.
     *
     * @throws IllegalArgumentException when the run directory holds checkpoints and {@code resume} is off
     */
    public RunStart start(boolean resume) throws IOException {
        RunStart start = RunStart.FRESH;
        Optional<Path> latest = resume ? store.latest() : Optional.empty();
        if (latest.isPresent()) {
            TrainerState state = CheckpointStore.restore(latest.get(), setup.policy(), setup.optimizer());
            long cursor = state.dataCursor().epoch() * setup.schedule().poolSize() + state.dataCursor().offset();
            start = new RunStart(state.step() + 1, cursor, latest);
        } else if (!store.completeCheckpoints().isEmpty()) {
            throw new IllegalArgumentException(store.root().getParent() + " already holds checkpoints: pass "
                    + "--resume auto to continue it, or choose another run.dir");
        }
        store.removeUnfinished();
        return start;
    }

    /**
     * Saves the state after iteration {@code iteration}, with the schedule at {@code cursor}.
     *
     * @throws RunStoppedException when the checkpoint cannot be written
     */
    public Path save(long iteration, long cursor) {
        long pool = setup.schedule().poolSize();
        String resolved = setup.config().toYaml();
        long steps = setup.optimizer().stepCount();
        try {
            return store.save(setup.policy(), setup.optimizer(), new TrainerState(iteration, steps, steps,
                    new DataCursor(cursor / pool, (int) (cursor % pool)), setup.config().run().seed(),
                    Integer.toHexString(resolved.hashCode())), Map.of("config.yaml", resolved));
        } catch (IOException e) {
            throw RunStoppedException.cannotWrite("checkpoint", store.directoryFor(iteration), e);
        }
    }

    /** Where the checkpoint of {@code iteration} lives. */
    public Path directoryFor(long iteration) {
        return store.directoryFor(iteration);
    }

    /** The newest complete checkpoint. */
    public Optional<Path> latest() throws IOException {
        return store.latest();
    }
}
