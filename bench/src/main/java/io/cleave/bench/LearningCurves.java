package io.cleave.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG learning curves (XChart): seed-mean held-out accuracy against policy tokens sampled, one line per variant. */
final class LearningCurves {

    private LearningCurves() {}

    /** Writes {@code file} (with {@code .png}) for {@code suite}. */
    static void write(Path file, String suite, List<AlgorithmSummary> summaries) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(560)
                .title("Held-out accuracy on " + suite + " (mean over seeds)")
                .xAxisTitle("policy tokens sampled").yAxisTitle("held-out accuracy").build();
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        for (AlgorithmSummary s : summaries) {
            if (!s.suite().equals(suite)) {
                continue;
            }
            List<RunResult.CurvePoint> curve = s.meanCurve();
            double[] x = curve.stream().mapToDouble(RunResult.CurvePoint::sampledTokens).toArray();
            double[] y = curve.stream().mapToDouble(RunResult.CurvePoint::accuracy).toArray();
            chart.addSeries(s.variant(), x, y).setMarker(SeriesMarkers.CIRCLE);
        }
        String name = file.toString();
        BitmapEncoder.saveBitmap(chart, name.endsWith(".png") ? name.substring(0, name.length() - 4) : name,
                BitmapEncoder.BitmapFormat.PNG);
    }
}
