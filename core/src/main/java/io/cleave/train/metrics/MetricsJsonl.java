package io.cleave.train.metrics;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code metrics.jsonl} format: one JSON object per iteration, the {@link IterationMetrics} record flattened,
 * each leaf component a column named in snake case ({@code heldOutAccuracy} is {@code held_out_accuracy},
 * {@code rollout.toolCalls} is {@code tool_calls}), in component order. Non-finite numbers are written as bare
 * {@code NaN} / {@code Infinity}, as Gson writes them. Column names thus come from the record alone; nothing else
 * spells them.
 *
 * <p>Reading is lenient, so that runs written by earlier versions still read: unknown columns are ignored, and a
 * column that is absent, {@code null} or not a number reads as NaN (decimal columns) or 0 (count columns).
 */
public final class MetricsJsonl {

    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

    /** The column holding the iteration number, required in every row. */
    private static final String ITERATION = column("iteration");

    private MetricsJsonl() {}

    /** One line of {@code metrics.jsonl} (without the line break). */
    public static String line(IterationMetrics metrics) {
        JsonObject row = new JsonObject();
        flatten(metrics, row);
        return GSON.toJson(row);
    }

    /** Reads a {@code metrics.jsonl} file (see {@link #parse}). */
    public static List<IterationMetrics> read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses JSON lines; blank lines are skipped. Rows are ordered by iteration; when an iteration appears twice (a
     * run resumed from a checkpoint older than its last metrics row repeats iterations), the later row wins.
     *
     * @param source named in error messages
     * @throws IllegalArgumentException naming the source and line when a line is not a JSON object or has no
     *     numeric {@code iteration}
     */
    public static List<IterationMetrics> parse(List<String> lines, String source) {
        Map<Long, IterationMetrics> byIteration = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            JsonObject row;
            try {
                JsonElement element = JsonParser.parseString(line);
                if (!element.isJsonObject()) {
                    throw new IllegalArgumentException(source + " line " + (i + 1) + " is not a JSON object");
                }
                row = element.getAsJsonObject();
            } catch (JsonParseException e) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + " is not valid JSON: "
                        + e.getMessage(), e);
            }
            if (!Double.isFinite(number(row.get(ITERATION)))) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + " has no numeric '" + ITERATION
                        + "'");
            }
            IterationMetrics metrics = unflatten(row, IterationMetrics.class);
            byIteration.put(metrics.iteration(), metrics);
        }
        return new ArrayList<>(byIteration.values());
    }

    /** {@code camelCase} as {@code snake_case}. */
    static String column(String component) {
        StringBuilder out = new StringBuilder();
        for (char c : component.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void flatten(Record record, JsonObject out) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            Object value = accessor(c, record);
            if (value instanceof Record nested) {
                flatten(nested, out);
            } else {
                out.add(column(c.getName()), GSON.toJsonTree(value));
            }
        }
    }

    private static <T> T unflatten(JsonObject row, Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> t = components[i].getType();
            types[i] = t;
            values[i] = t.isRecord() ? unflatten(row, t) : value(row.get(column(components[i].getName())), t);
        }
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException
                | InvocationTargetException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName() + " from a metrics row", e);
        }
    }

    /** A column's value as a component of type {@code type}: a double (NaN when missing), a long or an int (0). */
    private static Object value(JsonElement element, Class<?> type) {
        double v = number(element);
        if (type == double.class) {
            return v;
        }
        boolean present = Double.isFinite(v);
        if (type == long.class) {
            return present ? (long) v : 0L;
        }
        if (type == int.class) {
            return present ? (int) v : 0;
        }
        throw new IllegalStateException("a metrics column of type " + type + "; columns are numbers");
    }

    /** The number in {@code element}, NaN when it is absent, null or not a number (Gson reads a bare NaN as text). */
    private static double number(JsonElement element) {
        if (element == null || !element.isJsonPrimitive()) {
            return Double.NaN;
        }
        JsonPrimitive p = element.getAsJsonPrimitive();
        if (p.isNumber()) {
            return p.getAsDouble();
        }
        if (p.isString()) {
            try {
                return Double.parseDouble(p.getAsString());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    private static Object accessor(RecordComponent c, Record record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + record, e);
        }
    }
}
