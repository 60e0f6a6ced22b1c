package io.cleave.train.update;

import java.util.Locale;

/**
 * Training stopped because too many minibatches in a row had a non-finite loss or gradient
 * ({@code optim.max-nonfinite-steps}); none of them was applied.
 */
public final class NonFiniteUpdateException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final int inARow;

    NonFiniteUpdateException(int inARow, double loss, double gradNorm) {
        super(String.format(Locale.ROOT, "%d optimizer steps in a row had a non-finite loss or gradient (last: loss "
                + "%s, gradient norm %s), so none was applied and training stops (optim.max-nonfinite-steps=%d); "
                + "the weights are those of the last finite step", inARow, loss, gradNorm, inARow));
        this.inARow = inARow;
    }

    /** The non-finite minibatches in a row that stopped training. */
    public int inARow() {
        return inARow;
    }
}
