package io.cleave.cli;

import java.util.List;

/** The training settings of {@code cleave demo} (shared with the Spark overhead benchmark, which times them). */
public final class DemoSettings {

    /** Keys on top of the defaults (every key is documented in cluster-conf/examples/README.md). */
    public static final List<String> TRAIN_SETTINGS = List.of(
            "task.suite=arith",
            "task.prompts-per-iteration=8",
            "task.eval-size=100",
            "rollout.max-new-tokens=200",
            "rollout.temperature=1.0",
            "optim.lr=2e-5",
            "optim.warmup-steps=5",
            "algorithm.recipe=gpg",
            "algorithm.segmenter.tools=calc",
            "algorithm.branch.initial-samples=4",
            "algorithm.branch.budget=8");

    private DemoSettings() {}
}
