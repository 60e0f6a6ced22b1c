package io.cleave.train.checkpoint;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a training run stands, as written to {@code trainer_state.json} next to a checkpoint's weights:
 * <pre>
 * {"step": 20, "optimizer_steps": 20, "schedule_step": 20, "data_epoch": 3, "data_offset": 2,
 *  "seed": 7, "data_fingerprint": "9f0c..."}
 * </pre>
 *
 * @param step trainer steps completed
 * @param optimizerSteps AdamW updates applied (its bias-correction count)
 * @param scheduleStep the next 0-based step index of the learning-rate schedule
 * @param dataCursor where the next minibatch starts
 * @param seed the run seed the data order derives from
 * @param dataFingerprint hash of the training data, so a resume on different data fails instead of diverging
 */
public record TrainerState(long step, long optimizerSteps, long scheduleStep, DataCursor dataCursor, long seed,
        String dataFingerprint) {

    /** Validates the fields; messages name the field. */
    public TrainerState {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        if (optimizerSteps < 0) {
            throw new IllegalArgumentException("optimizer_steps must be >= 0, got " + optimizerSteps);
        }
        if (scheduleStep < 0) {
            throw new IllegalArgumentException("schedule_step must be >= 0, got " + scheduleStep);
        }
        if (dataCursor == null) {
            throw new IllegalArgumentException("data_cursor must be set");
        }
        if (dataFingerprint == null || dataFingerprint.isEmpty()) {
            throw new IllegalArgumentException("data_fingerprint must be set");
        }
    }

    /** The JSON text of this state. */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("step", step);
        json.put("optimizer_steps", optimizerSteps);
        json.put("schedule_step", scheduleStep);
        json.put("data_epoch", dataCursor.epoch());
        json.put("data_offset", dataCursor.offset());
        json.put("seed", seed);
        json.put("data_fingerprint", dataFingerprint);
        return new GsonBuilder().setPrettyPrinting().create().toJson(json) + "\n";
    }

    /**
     * Parses JSON written by {@link #toJson}.
     *
     * @param source file name used in error messages
     * @throws IllegalArgumentException naming the source and the missing or malformed field
     */
    public static TrainerState fromJson(String text, String source) {
        JsonObject json;
        try {
            JsonElement root = JsonParser.parseString(text);
            if (!root.isJsonObject()) {
                throw new IllegalArgumentException(source + ": expected a JSON object");
            }
            json = root.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(source + ": malformed JSON (" + e.getMessage() + ")", e);
        }
        try {
            return new TrainerState(whole(json, "step"), whole(json, "optimizer_steps"),
                    whole(json, "schedule_step"),
                    new DataCursor(whole(json, "data_epoch"),
                            Math.toIntExact(whole(json, "data_offset"))),
                    whole(json, "seed"), field(json, "data_fingerprint").getAsString());
        } catch (IllegalArgumentException | ArithmeticException | IllegalStateException
                | UnsupportedOperationException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static long whole(JsonObject json, String name) {
        JsonElement e = field(json, name);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException("field " + name + " must be a whole number, got " + e);
        }
        try {
            return e.getAsJsonPrimitive().getAsBigDecimal().longValueExact();
        } catch (ArithmeticException notWhole) {
            throw new IllegalArgumentException("field " + name + " must be a whole number, got " + e, notWhole);
        }
    }

    private static JsonElement field(JsonObject json, String name) {
        JsonElement e = json.get(name);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("missing field " + name);
        }
        return e;
    }
}
