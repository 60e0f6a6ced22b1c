package io.cleave.train.sft;

import java.util.Locale;
import org.slf4j.Logger;

/** Accumulates steps between two log lines: the mean loss of the window and its tokens per second. */
final class SftLogWindow {

    private final long totalSteps;
    private SftProgress last;
    private double lossSum;
    private int count;
    private long tokens;
    private long nanos;

    SftLogWindow(long totalSteps) {
        this.totalSteps = totalSteps;
    }

    void add(SftProgress progress, long elapsedNanos) {
        last = progress;
        lossSum += progress.loss();
        count++;
        tokens += progress.tokens();
        nanos += elapsedNanos;
    }

    /** Logs one line for the window (step, mean loss, learning rate, gradient norm, tokens/s) and starts anew. */
    void flush(Logger log) {
        if (count == 0) {
            return;
        }
        if (log.isInfoEnabled()) {
            log.info(String.format(Locale.ROOT, "sft step %d/%d loss %.4f lr %.3e grad_norm %.3f tokens/s %.0f",
                    last.step(), totalSteps, lossSum / count, last.learningRate(), last.gradNorm(),
                    tokens / (nanos / 1e9)));
        }
        lossSum = 0;
        count = 0;
        tokens = 0;
        nanos = 0;
    }
}
