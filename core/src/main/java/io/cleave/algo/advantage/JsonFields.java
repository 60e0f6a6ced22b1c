package io.cleave.algo.advantage;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/** Typed reads of JSON fields whose errors name the place ({@code where}) and the field. */
final class JsonFields {

    private JsonFields() {}

    static JsonObject object(JsonElement e, String where) {
        if (e == null || !e.isJsonObject()) {
            throw new IllegalArgumentException(where + ": expected an object");
        }
        return e.getAsJsonObject();
    }

    static JsonArray array(JsonObject o, String field, String where) {
        JsonElement e = o.get(field);
        if (e == null || !e.isJsonArray()) {
            throw new IllegalArgumentException(where + ": field '" + field + "' must be an array");
        }
        return e.getAsJsonArray();
    }

    static String string(JsonObject o, String field, String where) {
        return asString(o.get(field), where + "." + field);
    }

    static String asString(JsonElement e, String where) {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException(where + " must be a string");
        }
        return e.getAsString();
    }

    static double number(JsonObject o, String field, String where) {
        return asNumber(o.get(field), where + "." + field);
    }

    static boolean bool(JsonObject o, String field, String where) {
        JsonElement e = o.get(field);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalArgumentException(where + "." + field + " must be true or false");
        }
        return e.getAsBoolean();
    }

    static int integer(JsonObject o, String field, String where) {
        return asInt(o.get(field), where + "." + field);
    }

    static int[] ints(JsonObject o, String field, String where) {
        return ints(array(o, field, where), where + "." + field);
    }

    static int[] ints(JsonArray a, String where) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = asInt(a.get(i), where + "[" + i + "]");
        }
        return out;
    }

    static float[] floats(JsonObject o, String field, String where) {
        JsonArray a = array(o, field, where);
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) asNumber(a.get(i), where + "." + field + "[" + i + "]");
        }
        return out;
    }

    /** An array of booleans or of 0/1 numbers. */
    static boolean[] flags(JsonObject o, String field, String where) {
        JsonArray a = array(o, field, where);
        boolean[] out = new boolean[a.size()];
        for (int i = 0; i < out.length; i++) {
            JsonElement e = a.get(i);
            String at = where + "." + field + "[" + i + "]";
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()) {
                out[i] = e.getAsBoolean();
            } else {
                int v = asInt(e, at);
                if (v != 0 && v != 1) {
                    throw new IllegalArgumentException(at + " must be true/false or 0/1, got " + v);
                }
                out[i] = v == 1;
            }
        }
        return out;
    }

    private static double asNumber(JsonElement e, String where) {
        if (e == null || !e.isJsonPrimitive() || !((JsonPrimitive) e).isNumber()) {
            throw new IllegalArgumentException(where + " must be a number");
        }
        return e.getAsDouble();
    }

    private static int asInt(JsonElement e, String where) {
        double v = asNumber(e, where);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(where + " must be an integer, got " + v);
        }
        return (int) v;
    }
}
