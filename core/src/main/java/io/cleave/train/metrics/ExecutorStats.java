package io.cleave.train.metrics;

/**
 * Where an iteration's rollouts ran, as the rollout back-end reports it.
 *
 * @param weightLoadsPerJvmMax the most times any worker JVM loaded this iteration's weights version (1 when every
 *     JVM loaded it once; 0 when the rollouts used the trained policy in place)
 * @param executors distinct worker JVMs that rolled out
 * @param broadcastBytes bytes of the weights broadcast to the workers (0 without a broadcast)
 */
public record ExecutorStats(long weightLoadsPerJvmMax, int executors, long broadcastBytes) {

    /** Rollouts in this process with the trained policy itself: no load, one JVM, no broadcast. */
    public static final ExecutorStats IN_PROCESS = new ExecutorStats(0, 1, 0);
}
