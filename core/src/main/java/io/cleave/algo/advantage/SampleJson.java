package io.cleave.algo.advantage;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.cleave.rollout.tree.RolloutSample;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * One sample of the advantages JSON format, parsed.
 *
 * @param sample   the rollout sample
 * @param segments explicit cut positions, or null to use the file's segmenter
 * @param oldLogp  sampling log-probs {@code (L)}, or null
 * @param refLogp  reference log-probs {@code (L)}, or null
 */
record SampleJson(RolloutSample sample, int[] segments, float[] oldLogp, float[] refLogp) {

    private static final Set<String> KEYS = Set.of("tokens", "text", "policy", "env_spans", "entropy", "parent",
            "branch_pos", "reward", "segments", "old_logp", "ref_logp");

    /**
     * Parses a sample object.
     *
     * @param vocabulary file-wide ids of token texts, used when a sample gives text without token ids (the same
     *                   text always gets the same id)
     */
    static SampleJson parse(JsonObject o, String where, Map<String, Integer> vocabulary) {
        AdvantagesJson.checkKeys(o, KEYS, where);
        String[] text = o.has("text") ? text(o.get("text"), where) : null;
        int[] tokens;
        if (o.has("tokens")) {
            tokens = JsonFields.ints(o, "tokens", where);
        } else if (text != null) {
            tokens = Arrays.stream(text).mapToInt(t -> vocabulary.computeIfAbsent(t, k -> vocabulary.size())).toArray();
        } else {
            throw new IllegalArgumentException(where + ": needs 'tokens' or 'text'");
        }
        int n = tokens.length;
        if (text == null) {
            text = new String[n];
            Arrays.fill(text, "");
        }
        requireLength(where, "text", text.length, n);
        boolean[] policy = policy(o, where, n);
        float[] entropy = o.has("entropy") ? JsonFields.floats(o, "entropy", where) : new float[n];
        requireLength(where, "entropy", entropy.length, n);
        int parent = o.has("parent") ? JsonFields.integer(o, "parent", where) : -1;
        int branchPos = o.has("branch_pos") ? JsonFields.integer(o, "branch_pos", where) : 0;
        if (!o.has("reward")) {
            throw new IllegalArgumentException(where + ": needs 'reward'");
        }
        double reward = JsonFields.number(o, "reward", where);
        int[] segments = o.has("segments") ? JsonFields.ints(o, "segments", where) : null;
        float[] oldLogp = logp(o, "old_logp", where, n);
        float[] refLogp = logp(o, "ref_logp", where, n);
        try {
            RolloutSample sample = new RolloutSample(tokens, policy, entropy, text, parent, branchPos, reward);
            return new SampleJson(sample, segments, oldLogp, refLogp);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /** A string (one token per character) or an array of token texts. */
    private static String[] text(JsonElement e, String where) {
        if (e.isJsonArray()) {
            JsonArray a = e.getAsJsonArray();
            String[] out = new String[a.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = JsonFields.asString(a.get(i), where + ".text[" + i + "]");
            }
            return out;
        }
        return JsonFields.asString(e, where + ".text").codePoints().mapToObj(Character::toString)
                .toArray(String[]::new);
    }

    /** From 'policy' (per-token flags) or 'env_spans' ([start, end) ranges of tool-result tokens); default all. */
    private static boolean[] policy(JsonObject o, String where, int n) {
        if (o.has("policy") && o.has("env_spans")) {
            throw new IllegalArgumentException(where + ": give 'policy' or 'env_spans', not both");
        }
        if (o.has("policy")) {
            boolean[] policy = JsonFields.flags(o, "policy", where);
            requireLength(where, "policy", policy.length, n);
            return policy;
        }
        boolean[] policy = new boolean[n];
        Arrays.fill(policy, true);
        if (o.has("env_spans")) {
            JsonArray spans = JsonFields.array(o, "env_spans", where);
            for (int i = 0; i < spans.size(); i++) {
                String at = where + ".env_spans[" + i + "]";
                JsonElement span = spans.get(i);
                if (!span.isJsonArray() || span.getAsJsonArray().size() != 2) {
                    throw new IllegalArgumentException(at + " must be [start, end]");
                }
                int[] se = JsonFields.ints(span.getAsJsonArray(), at);
                if (se[0] < 0 || se[0] > se[1] || se[1] > n) {
                    throw new IllegalArgumentException(at + " = " + Arrays.toString(se) + " must satisfy 0 <= start"
                            + " <= end <= " + n);
                }
                Arrays.fill(policy, se[0], se[1], false);
            }
        }
        return policy;
    }

    private static float[] logp(JsonObject o, String field, String where, int n) {
        if (!o.has(field)) {
            return null;
        }
        float[] values = JsonFields.floats(o, field, where);
        requireLength(where, field, values.length, n);
        return values;
    }

    private static void requireLength(String where, String field, int length, int n) {
        if (length != n) {
            throw new IllegalArgumentException(where + ": '" + field + "' has " + length + " values for " + n
                    + " tokens");
        }
    }
}
