package io.cleave.train.update;

import java.util.Map;

/**
 * Guards the optimizer against non-finite updates: a minibatch whose loss or gradient holds a NaN or an infinity
 * is not applied (the step is skipped and counted); {@code maxInARow} such minibatches in a row stop training with a
 * {@link NonFiniteUpdateException}, leaving the weights as the last finite step left them. One guard lives as long
 * as its {@link PolicyUpdate}, so the count runs across iterations.
 */
public final class NonFiniteSteps {

    private final int maxInARow;
    private int inARow;
    private long skipped;

    /** @param maxInARow non-finite minibatches in a row that stop training, &gt;= 1 */
    public NonFiniteSteps(int maxInARow) {
        if (maxInARow < 1) {
            throw new IllegalArgumentException("max non-finite steps in a row must be >= 1, got " + maxInARow);
        }
        this.maxInARow = maxInARow;
    }

    /**
     * Whether the minibatch with {@code loss} and {@code gradients} may be applied. A finite one resets the run of
     * non-finite steps; a non-finite one is counted.
     *
     * @throws NonFiniteUpdateException when this is the {@code maxInARow}-th non-finite minibatch in a row
     */
    public boolean admit(double loss, Map<String, float[]> gradients) {
        double squares = squaredNorm(gradients);
        if (Double.isFinite(loss) && Double.isFinite(squares)) {
            inARow = 0;
            return true;
        }
        inARow++;
        skipped++;
        if (inARow >= maxInARow) {
            throw new NonFiniteUpdateException(inARow, loss, Math.sqrt(squares));
        }
        return false;
    }

    /** Non-finite minibatches skipped so far. */
    public long skipped() {
        return skipped;
    }

    /** Non-finite minibatches since the last finite one. */
    public int inARow() {
        return inARow;
    }

    /** The squared global L2 norm, in double; NaN or infinite when any element is. */
    static double squaredNorm(Map<String, float[]> gradients) {
        double sum = 0;
        for (float[] g : gradients.values()) {
            for (float v : g) {
                sum += (double) v * v;
            }
        }
        return sum;
    }
}
