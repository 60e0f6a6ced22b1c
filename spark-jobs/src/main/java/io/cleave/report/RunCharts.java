package io.cleave.report;

import io.cleave.train.metrics.IterationMetrics;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the report's PNG plots from a run's metrics with XChart, headless ({@code java.awt.headless=true}): reward
 * and accuracy, tool calls, policy entropy, approximate KL and clip fraction per iteration (one line per recorded
 * metric; a metric recorded at only some iterations, such as held-out accuracy, is drawn as points), and the
 * iteration time stacked by phase.
 */
public final class RunCharts {

    /** Width of every plot, pixels. */
    public static final int WIDTH = 640;
    /** Height of every plot, pixels. */
    public static final int HEIGHT = 360;

    private static final List<LinePlot> LINE_PLOTS = List.of(
            new LinePlot("reward.png", "Reward and accuracy", "mean per trajectory",
                    List.of(new Curve(m -> m.rollout().reward(), "reward"),
                            new Curve(m -> m.rollout().accuracy(), "rollout accuracy"),
                            new Curve(IterationMetrics::heldOutAccuracy, "held-out accuracy"))),
            new LinePlot("tool_calls.png", "Tool calls", "calls per trajectory",
                    List.of(new Curve(m -> m.rollout().toolCalls(), "tool calls"))),
            new LinePlot("entropy.png", "Policy entropy", "nats per token",
                    List.of(new Curve(m -> m.update().entropy(), "entropy"))),
            new LinePlot("kl.png", "Approximate KL to the sampling policy", "KL",
                    List.of(new Curve(m -> m.update().approxKl(), "approx. KL"))),
            new LinePlot("clip_fraction.png", "Clip fraction", "fraction of tokens clipped",
                    List.of(new Curve(m -> m.update().clipFraction(), "clip fraction"))));

    /** Longest fully recorded series drawn with a marker at every point; longer ones are plain lines. */
    private static final int MAX_MARKED_POINTS = 60;

    /** Phases stacked in the time plot, with their labels; the rest of the iteration is "other". */
    private static final List<Curve> PHASES = List.of(new Curve(m -> m.times().rolloutSeconds(), "rollout"),
            new Curve(m -> m.times().advantageSeconds(), "advantages (Spark SQL)"),
            new Curve(m -> m.times().updateSeconds(), "policy update"));

    private RunCharts() {}

    /** Writes every plot with data into {@code dir} (created if needed) and describes all of them, in order. */
    public static List<ChartImage> write(MetricsTable metrics, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        List<ChartImage> images = new ArrayList<>();
        for (LinePlot plot : LINE_PLOTS) {
            images.add(line(metrics, plot, dir));
        }
        images.add(time(metrics, dir));
        return images;
    }

    private static ChartImage line(MetricsTable metrics, LinePlot plot, Path dir) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(plot.title()).xAxisTitle("iteration")
                .yAxisTitle(plot.yTitle()).build();
        style(chart.getStyler());
        chart.getStyler().setxAxisTickLabelsFormattingFunction(integerTicks());
        List<String> missing = new ArrayList<>();
        int drawn = 0;
        for (Curve curve : plot.curves()) {
            MetricSeries s = metrics.series(curve.label(), curve.value());
            if (s.isEmpty()) {
                missing.add(curve.label());
                continue;
            }
            XYSeries series = chart.addSeries(curve.label(), s.x(), s.y());
            boolean sparse = s.size() < metrics.rows().size();
            series.setMarker(sparse || s.size() <= MAX_MARKED_POINTS ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            if (sparse) {
                series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            }
            drawn++;
        }
        if (drawn == 0) {
            return new ChartImage(null, plot.title(), missing);
        }
        chart.getStyler().setLegendVisible(plot.curves().size() > 1);
        save(chart, dir.resolve(plot.file()));
        return new ChartImage(plot.file(), plot.title(), missing);
    }

    private static ChartImage time(MetricsTable metrics, Path dir) throws IOException {
        String title = "Time per iteration by phase";
        List<Integer> iterations = new ArrayList<>();
        List<List<Double>> stacks = new ArrayList<>();
        for (int p = 0; p <= PHASES.size(); p++) {
            stacks.add(new ArrayList<>());
        }
        for (IterationMetrics row : metrics.rows()) {
            double rest = row.times().iterationSeconds();
            if (!Double.isFinite(rest)) {
                continue;
            }
            iterations.add((int) row.iteration());
            for (int p = 0; p < PHASES.size(); p++) {
                double seconds = PHASES.get(p).value().applyAsDouble(row);
                seconds = Double.isFinite(seconds) ? seconds : 0;
                stacks.get(p).add(seconds);
                rest -= seconds;
            }
            stacks.get(PHASES.size()).add(Math.max(0, rest));
        }
        if (iterations.isEmpty()) {
            return new ChartImage(null, title, List.of("iteration time"));
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("iteration").yAxisTitle("seconds").build();
        style(chart.getStyler());
        chart.getStyler().setStacked(true);
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setXAxisMaxLabelCount(20);
        for (int p = 0; p < PHASES.size(); p++) {
            chart.addSeries(PHASES.get(p).label(), iterations, stacks.get(p));
        }
        chart.addSeries("eval, checkpoint, other", iterations, stacks.get(PHASES.size()));
        String file = "time.png";
        save(chart, dir.resolve(file));
        return new ChartImage(file, title, List.of());
    }

    private static void style(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(225, 225, 225));
        styler.setPlotGridLinesStroke(new BasicStroke(1f));
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setChartTitleBoxVisible(false);
    }

    /** Tick labels only at whole iterations. */
    private static Function<Double, String> integerTicks() {
        return v -> Math.abs(v - Math.rint(v)) < 1e-9 ? Long.toString(Math.round(v)) : "";
    }

    private static void save(Chart<?, ?> chart, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }

    /** A metric and its legend label. */
    private record Curve(ToDoubleFunction<IterationMetrics> value, String label) {}

    /** A line plot: file, title, y-axis title and curves. */
    private record LinePlot(String file, String title, String yTitle, List<Curve> curves) {}
}
