package io.cleave.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of a run's {@code metrics.jsonl}, one per iteration, as numeric columns by name. A value that is absent,
 * {@code null}, not a number, or not finite ({@code NaN}: e.g. {@code held_out_accuracy} in an iteration without
 * evaluation) is missing in that row; {@link #series} skips missing values.
 *
 * @param rows the rows by ascending iteration, each mapping column name to value; every row has {@link #ITERATION}
 */
public record MetricsTable(List<Map<String, Double>> rows) {

    /** Column holding the iteration number; required in every row. */
    public static final String ITERATION = "iteration";

    /** Copies the rows, unmodifiable. */
    public MetricsTable {
        List<Map<String, Double>> copy = new ArrayList<>();
        for (Map<String, Double> row : rows) {
            if (!row.containsKey(ITERATION)) {
                throw new IllegalArgumentException("every metrics row needs an '" + ITERATION + "' value");
            }
            copy.add(Collections.unmodifiableMap(new LinkedHashMap<>(row)));
        }
        rows = List.copyOf(copy);
    }

    /** Reads {@code metrics.jsonl}. */
    public static MetricsTable read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses JSON lines; blank lines are skipped. Rows are ordered by iteration; when an iteration appears twice (a run
     * resumed from a checkpoint older than its last metrics row repeats iterations), the later row wins.
     *
     * @param source named in error messages
     * @throws IllegalArgumentException naming the source and line when a line is not a JSON object or has no
     *                                  finite {@code iteration}
     */
    public static MetricsTable parse(List<String> lines, String source) {
        Map<Double, Map<String, Double>> byIteration = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            Map<String, Double> row = new LinkedHashMap<>();
            try {
                JsonElement element = JsonParser.parseString(line);
                if (!element.isJsonObject()) {
                    throw new IllegalArgumentException(source + " line " + (i + 1) + " is not a JSON object");
                }
                JsonObject object = element.getAsJsonObject();
                for (Map.Entry<String, JsonElement> e : object.entrySet()) {
                    Double value = number(e.getValue());
                    if (value != null) {
                        row.put(e.getKey(), value);
                    }
                }
            } catch (JsonParseException e) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + " is not valid JSON: "
                        + e.getMessage(), e);
            }
            if (!row.containsKey(ITERATION)) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + " has no numeric '" + ITERATION
                        + "'");
            }
            byIteration.put(row.get(ITERATION), row);
        }
        return new MetricsTable(new ArrayList<>(byIteration.values()));
    }

    /** The finite value, or null when the element is not a finite number (Gson reads a bare NaN as a string). */
    private static Double number(JsonElement element) {
        if (!element.isJsonPrimitive()) {
            return null;
        }
        JsonPrimitive p = element.getAsJsonPrimitive();
        double value;
        if (p.isNumber()) {
            value = p.getAsDouble();
        } else if (p.isString()) {
            try {
                value = Double.parseDouble(p.getAsString());
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        return Double.isFinite(value) ? value : null;
    }

    /** The iterations where {@code column} has a value, and those values, by ascending iteration. */
    public MetricSeries series(String column) {
        List<double[]> points = new ArrayList<>();
        for (Map<String, Double> row : rows) {
            Double value = row.get(column);
            if (value != null) {
                points.add(new double[] {row.get(ITERATION), value});
            }
        }
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
        }
        return new MetricSeries(column, x, y);
    }

    /** The value of {@code column} in the last row that has one, or NaN. */
    public double last(String column) {
        MetricSeries s = series(column);
        return s.isEmpty() ? Double.NaN : s.y()[s.size() - 1];
    }
}
