package io.cleave.report;

import io.cleave.train.metrics.IterationMetrics;
import io.cleave.train.metrics.MetricsJsonl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A run's iterations as read from {@code metrics.jsonl} ({@link MetricsJsonl}), by ascending iteration, and the
 * series the report draws from them. A value that is NaN or infinite (a column an older run did not write,
 * {@code held_out_accuracy} in an iteration without evaluation) is missing; {@link #series} skips missing values.
 *
 * @param rows the iterations, ascending
 */
public record MetricsTable(List<IterationMetrics> rows) {

    /** Copies the rows, unmodifiable. */
    public MetricsTable {
        rows = List.copyOf(rows);
    }

    /** Reads {@code metrics.jsonl}. */
    public static MetricsTable read(Path file) throws IOException {
        return new MetricsTable(MetricsJsonl.read(file));
    }

    /** Parses JSON lines ({@link MetricsJsonl#parse}); {@code source} is named in error messages. */
    public static MetricsTable parse(List<String> lines, String source) {
        return new MetricsTable(MetricsJsonl.parse(lines, source));
    }

    /** The iterations where {@code metric} has a finite value, and those values, by ascending iteration. */
    public MetricSeries series(String name, ToDoubleFunction<IterationMetrics> metric) {
        List<double[]> points = new ArrayList<>();
        for (IterationMetrics row : rows) {
            double value = metric.applyAsDouble(row);
            if (Double.isFinite(value)) {
                points.add(new double[] {row.iteration(), value});
            }
        }
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
        }
        return new MetricSeries(name, x, y);
    }

    /** The value of {@code metric} in the last row that has one, or NaN. */
    public double last(ToDoubleFunction<IterationMetrics> metric) {
        MetricSeries s = series("", metric);
        return s.isEmpty() ? Double.NaN : s.y()[s.size() - 1];
    }
}
