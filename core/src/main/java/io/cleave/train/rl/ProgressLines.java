package io.cleave.train.rl;

import io.cleave.train.metrics.IterationMetrics;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A run's progress as short lines for a person, to the console or a log: where it resumed, the held-out accuracy
 * before training, and per iteration
 * {@code iter 3/20  reward 0.500  acc 0.500  tools 1.25  tokens 812  loss 0.0123  clip 0.010  kl 0.0004  2.1s}
 * (with {@code held-out} when the iteration evaluated).
 */
public final class ProgressLines implements TrainingListener {

    private final Consumer<String> out;
    private final long iterations;

    /**
     * @param out receives each line
     * @param iterations iterations of the whole run
     */
    public ProgressLines(Consumer<String> out, long iterations) {
        this.out = out;
        this.iterations = iterations;
    }

    @Override
    public void onStart(RunStart start, double heldOutBefore) {
        start.checkpoint().ifPresent(c -> out.accept(String.format(Locale.ROOT, "resuming from %s (iteration %d done)",
                c, start.firstIteration() - 1)));
        if (!Double.isNaN(heldOutBefore)) {
            out.accept(String.format(Locale.ROOT, "held-out accuracy before iteration %d: %.3f",
                    start.firstIteration(), heldOutBefore));
        }
    }

    @Override
    public void onIteration(IterationMetrics m) {
        out.accept(String.format(Locale.ROOT, "iter %d/%d  reward %.3f  acc %.3f  tools %.2f  tokens %d  loss %.4f  "
                + "clip %.3f  kl %.4f%s  %.1fs", m.iteration(), iterations, m.rollout().reward(),
                m.rollout().accuracy(), m.rollout().toolCalls(), m.rollout().sampledTokens(), m.update().loss(),
                m.update().clipFraction(), m.update().approxKl(), Double.isNaN(m.heldOutAccuracy()) ? ""
                        : String.format(Locale.ROOT, "  held-out %.3f", m.heldOutAccuracy()),
                m.times().iterationSeconds()));
    }
}
