package io.cleave.report;

/**
 * One metric over iterations: {@code y[i]} at iteration {@code x[i]}, only where the metric was recorded.
 *
 * @param name   what is measured
 * @param x      iterations, {@code (n)}
 * @param y      values, {@code (n)}
 */
public record MetricSeries(String name, double[] x, double[] y) {

    /** Checks that x and y have equal length. */
    public MetricSeries {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series " + name + ": " + x.length + " iterations but " + y.length
                    + " values");
        }
    }

    /** Number of recorded points. */
    public int size() {
        return x.length;
    }

    /** Whether the metric was never recorded. */
    public boolean isEmpty() {
        return x.length == 0;
    }
}
