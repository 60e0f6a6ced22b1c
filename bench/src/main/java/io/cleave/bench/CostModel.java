package io.cleave.bench;

import java.util.List;

/**
 * The iteration cost model fitted to the scaling measurements, and its projection to GPU executors.
 *
 * <p>Fitted here (CPU, least squares over every measured point):
 * <pre>
 *   rollout_s = rolloutFixed + perTokenRollout * sampled_tokens / executors
 *   rest_s    = iterationFixed + perTokenUpdate * sampled_tokens      (rest = iteration - rollout)
 * </pre>
 * Projected for {@code n} GPU executors and a model of {@code p} parameters, with {@code T} sampled tokens per
 * iteration, data-parallel gradients and the stated {@link Assumptions}:
 * <pre>
 *   rollout   = rolloutFixed + (T / n) * 2 p / decodeFlops
 *   update    = T * 6 p / (n * trainFlops)
 *   broadcast = 4 p / bandwidth                (float32 weights, torrent broadcast: about once per iteration)
 *   gradients = n * 4 p / bandwidth            (each executor's float32 gradient sum into the driver)
 *   iteration = rollout + update + broadcast + gradients + iterationFixed
 * </pre>
 *
 * @param rollout fit of the rollout phase against sampled tokens per executor
 * @param rest fit of the rest of the iteration against sampled tokens
 */
record CostModel(LinearFit rollout, LinearFit rest) {

    /**
     * The stated GPU parameters of the projection (not measured here).
     *
     * @param decodeFlops effective FLOP/s of batched KV-cache decoding on one GPU
     * @param trainFlops effective FLOP/s of training on one GPU
     * @param bandwidth driver-executor network bytes/s
     */
    record Assumptions(double decodeFlops, double trainFlops, double bandwidth) {

        /** 10 TFLOP/s decode (memory-bound small batches), 100 TFLOP/s training (bf16), 10 Gbit/s network. */
        static Assumptions defaults() {
            return new Assumptions(10e12, 100e12, 1.25e9);
        }
    }

    /**
     * Projected seconds of one iteration, by part.
     *
     * @param rollout rollout phase
     * @param update gradient computation
     * @param broadcast weights to the executors
     * @param gradients gradients to the driver
     * @param fixed per-iteration fixed overhead fitted here
     */
    record Projection(double rollout, double update, double broadcast, double gradients, double fixed) {

        /** The whole iteration. */
        double total() {
            return rollout + update + broadcast + gradients + fixed;
        }
    }

    /** Fits both lines to the points. */
    static CostModel fit(List<ScalingPoint> points) {
        double[] perExecutor = points.stream().mapToDouble(p -> p.sampledTokens() / p.executors()).toArray();
        double[] tokens = points.stream().mapToDouble(ScalingPoint::sampledTokens).toArray();
        return new CostModel(
                LinearFit.of(perExecutor, points.stream().mapToDouble(ScalingPoint::rolloutSeconds).toArray()),
                LinearFit.of(tokens, points.stream().mapToDouble(ScalingPoint::restSeconds).toArray()));
    }

    /** The projection for {@code executors} GPUs, {@code parameters} parameters and {@code tokens} per iteration. */
    Projection project(int executors, double parameters, double tokens, Assumptions a) {
        double rolloutFixed = Math.max(0, rollout.intercept());
        double fixed = Math.max(0, rest.intercept());
        return new Projection(rolloutFixed + tokens / executors * 2 * parameters / a.decodeFlops(),
                tokens * 6 * parameters / (executors * a.trainFlops()), 4 * parameters / a.bandwidth(),
                executors * 4 * parameters / a.bandwidth(), fixed);
    }
}
