package io.cleave.train.eval;

import io.cleave.env.protocol.ToolEnvironment;
import io.cleave.env.reward.RewardResult;
import io.cleave.env.tasks.Task;
import io.cleave.model.Policy;
import io.cleave.model.SamplingConfig;
import io.cleave.rollout.branch.BranchParams;
import io.cleave.rollout.branch.BranchPolicies;
import io.cleave.rollout.engine.PromptRollout;
import io.cleave.rollout.engine.PromptSpec;
import io.cleave.rollout.engine.RolloutConfig;
import io.cleave.rollout.engine.RolloutEngine;
import io.cleave.rollout.segment.Segmenters;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Held-out evaluation: one trajectory per task (no branching), sampled in batches with tools, scored by each task's
 * reward.
 */
public final class Evaluator {

    private static final int BATCH = 32;

    private final Policy policy;
    private final ToolEnvironment env;
    private final RolloutConfig rollout;

    /** An evaluator sampling with {@code sampling} (temperature 0 = greedy) up to {@code maxNewTokens}. */
    public Evaluator(Policy policy, ToolEnvironment env, SamplingConfig sampling, int maxNewTokens, long seed) {
        this.policy = policy;
        this.env = env;
        this.rollout = new RolloutConfig(sampling, maxNewTokens, seed);
    }

    /** Evaluates every task; {@code progress} receives the number done after each batch. */
    public EvalResult evaluate(List<Task> tasks, int keepExamples, IntConsumer progress) {
        BranchParams single = BranchParams.defaults().withSamples(1, 1);
        RolloutEngine engine = new RolloutEngine(policy, env, BranchPolicies.create("none", single),
                Segmenters.create("sequence"), rollout);
        int right = 0;
        int valid = 0;
        long calls = 0;
        long length = 0;
        double reward = 0;
        List<String> examples = new ArrayList<>();
        for (int from = 0; from < tasks.size(); from += BATCH) {
            List<PromptSpec> specs = new ArrayList<>();
            for (Task task : tasks.subList(from, Math.min(tasks.size(), from + BATCH))) {
                specs.add(new PromptSpec(task.id(), policy.tokenizer().encode(task.prompt()), task));
            }
            for (PromptRollout out : engine.run(specs, 0)) {
                RewardResult r = out.rewards().get(0);
                right += r.correct() ? 1 : 0;
                valid += r.formatValid() ? 1 : 0;
                calls += out.toolCalls().get(0);
                length += out.samples().get(0).tokens().length;
                reward += r.total();
                if (examples.size() < keepExamples) {
                    examples.add(out.spec().task().prompt() + out.texts().get(0));
                }
            }
            progress.accept(Math.min(tasks.size(), from + BATCH));
        }
        int n = Math.max(1, tasks.size());
        return new EvalResult(tasks.size(), (double) right / n, (double) valid / n, (double) calls / n,
                (double) length / n, reward / n, examples);
    }
}
