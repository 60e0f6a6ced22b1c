package io.cleave.bench;

/**
 * Ordinary least squares of {@code y = intercept + slope x}: {@code slope = cov(x, y) / var(x)},
 * {@code intercept = mean(y) - slope mean(x)}, with the coefficient of determination {@code r2 = 1 - SS_res / SS_tot}.
 *
 * @param intercept fitted value at x = 0
 * @param slope fitted change of y per unit of x
 * @param r2 coefficient of determination (1 = exact fit; NaN when y is constant)
 */
record LinearFit(double intercept, double slope, double r2) {

    /**
     * Fits the points {@code (x[i], y[i])}.
     *
     * @throws IllegalArgumentException with fewer than 2 points, arrays of different lengths, or all x equal
     */
    static LinearFit of(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("need >= 2 points with one y per x, got " + x.length + " x and "
                    + y.length + " y");
        }
        double mx = mean(x);
        double my = mean(y);
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("all x are equal (" + mx + "): the slope is undetermined");
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double ssRes = 0;
        double ssTot = 0;
        for (int i = 0; i < x.length; i++) {
            double e = y[i] - (intercept + slope * x[i]);
            ssRes += e * e;
            ssTot += (y[i] - my) * (y[i] - my);
        }
        return new LinearFit(intercept, slope, ssTot == 0 ? Double.NaN : 1 - ssRes / ssTot);
    }

    /** The fitted value at {@code x}. */
    double at(double x) {
        return intercept + slope * x;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }
}
