package io.cleave.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.algo.recipe.AlgorithmConfig;
import io.cleave.algo.recipe.Recipes;
import io.cleave.env.protocol.ToolEnvironment;
import io.cleave.env.tasks.Split;
import io.cleave.model.Policy;
import io.cleave.model.SamplingConfig;
import io.cleave.optim.AdamW;
import io.cleave.optim.AdamWConfig;
import io.cleave.rollout.engine.RolloutConfig;
import io.cleave.rollout.engine.TinyAgentAccess;
import org.junit.jupiter.api.Test;

/** A few GPG iterations on the tiny warm-started agent raise its reward. */
class GpgTrainerLearningTest {

    @Test
    void rewardRisesOverAFewIterations() {
        Policy policy = TinyAgentAccess.freshPolicy();
        String recipe = System.getProperty("exp.recipe", "gpg");
        double lr = Double.parseDouble(System.getProperty("exp.lr", "1e-4"));
        double temperature = Double.parseDouble(System.getProperty("exp.temp", "0.7"));
        int iterations = Integer.getInteger("exp.iters", 8);
        AlgorithmConfig gpg = Recipes.get(recipe).with(java.util.Map.of("branch.initial-samples", "4",
                "branch.budget", "8"));
        try (ToolEnvironment env = TinyAgentAccess.environment();
                AdamW adam = new AdamW(policy.model().namedParameters(), new AdamWConfig(lr, 0.9, 0.99, 1e-8, 0))) {
            RolloutConfig rollout = new RolloutConfig(new SamplingConfig(temperature, 0, 1.0), 100, 5);
            PolicyUpdate update = new PolicyUpdate(policy, null, adam, gpg, temperature, 1.0, step -> lr);
            PromptSchedule schedule = new PromptSchedule(TinyAgentAccess.suite(), 256, 1, policy.tokenizer());
            GpgTrainer trainer = new GpgTrainer(policy, env, gpg, rollout, schedule, 8, update, 0, 1);
            Evaluator eval = new Evaluator(policy, env, new SamplingConfig(0, 0, 1.0), 100, 0);
            var tasks = TinyAgentAccess.suite().tasks(Split.TEST, 64, 3);
            double before = eval.evaluate(tasks, 0, n -> { }).accuracy();
            for (int it = 1; it <= iterations; it++) {
                IterationMetrics m = trainer.iterate(it);
                System.out.printf("iter %d reward %.3f acc %.3f tools %.2f tokens %d loss %.4f clip %.3f kl %.4f rollout %.1fs update %.1fs%n",
                        it, m.meanReward(), m.accuracy(), m.meanToolCalls(), m.sampledTokens(), m.update().loss(),
                        m.update().clipFraction(), m.update().approxKl(), m.rolloutSeconds(), m.updateSeconds());
            }
            double after = eval.evaluate(tasks, 0, n -> { }).accuracy();
            System.out.printf("held-out accuracy %.3f -> %.3f%n", before, after);
            assertTrue(after > before, before + " -> " + after);
        }
    }
}
