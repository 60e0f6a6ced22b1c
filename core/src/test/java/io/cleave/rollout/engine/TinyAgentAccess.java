package io.cleave.rollout.engine;

import io.cleave.env.protocol.ToolEnvironment;
import io.cleave.env.tasks.TaskSuite;
import io.cleave.model.Policy;

/** Test access to the {@link TinyAgent} fixture from other packages. */
public final class TinyAgentAccess {

    private TinyAgentAccess() {}

    /** A copy of the warm-started tiny agent that a test may train further. */
    public static Policy freshPolicy() {
        Policy trained = TinyAgent.policy();
        return Policy.withWeights(trained.config(), trained.tokenizer(), trained.weights());
    }

    public static ToolEnvironment environment() {
        return TinyAgent.environment();
    }

    public static TaskSuite suite() {
        return TinyAgent.SUITE;
    }
}
