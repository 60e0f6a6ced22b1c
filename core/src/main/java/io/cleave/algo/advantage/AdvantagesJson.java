package io.cleave.algo.advantage;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.cleave.rollout.segment.EntropyCutParams;
import io.cleave.rollout.segment.Segmenter;
import io.cleave.rollout.segment.SegmenterParams;
import io.cleave.rollout.segment.Segmenters;
import io.cleave.rollout.tree.RolloutSample;
import io.cleave.rollout.tree.TrajectoryTree;
import io.cleave.rollout.tree.TrajectoryTreeBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the advantages JSON format documented in {@code docs/advantages-json.md}: a batch of prompt groups whose
 * samples give tokens or token texts, a policy mask, branching ancestry, a reward and optional explicit segments.
 * Errors name the group, the sample and the field.
 */
public final class AdvantagesJson {

    private static final Set<String> TOP_KEYS = Set.of("segmenter", "segmenter_params", "share_prefixes", "kl_coef",
            "groups");
    private static final Set<String> PARAM_KEYS = Set.of("tools", "entropy_top_q", "entropy_threshold");
    private static final Set<String> GROUP_KEYS = Set.of("id", "samples");

    private AdvantagesJson() {}

    /** Parses a whole file's text into trees and estimator input. */
    public static AdvantagesRequest parse(String json) {
        JsonObject root;
        try {
            JsonElement element = JsonParser.parseString(json);
            if (!element.isJsonObject()) {
                throw new IllegalArgumentException("advantages JSON: the top level must be an object");
            }
            root = element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("advantages JSON is malformed: " + e.getMessage(), e);
        }
        checkKeys(root, TOP_KEYS, "top level");
        String segmenterName = root.has("segmenter") ? JsonFields.string(root, "segmenter", "top level") : "sequence";
        Segmenter segmenter = Segmenters.create(segmenterName, segmenterParams(root));
        boolean share = root.has("share_prefixes") ? JsonFields.bool(root, "share_prefixes", "top level")
                : !segmenter.oneActionPerOutput();
        double klCoef = root.has("kl_coef") ? JsonFields.number(root, "kl_coef", "top level") : 0;
        JsonArray groups = JsonFields.array(root, "groups", "top level");
        Map<String, Integer> vocabulary = new HashMap<>();
        List<String> ids = new ArrayList<>();
        List<TrajectoryTree> trees = new ArrayList<>();
        List<float[][]> oldLogp = new ArrayList<>();
        List<float[][]> refLogp = new ArrayList<>();
        boolean anyOld = false;
        boolean anyRef = false;
        for (int g = 0; g < groups.size(); g++) {
            JsonObject group = JsonFields.object(groups.get(g), "group " + g);
            checkKeys(group, GROUP_KEYS, "group " + g);
            String id = group.has("id") ? JsonFields.string(group, "id", "group " + g) : Integer.toString(g);
            String where = "group " + id;
            JsonArray samples = JsonFields.array(group, "samples", where);
            List<SampleJson> parsed = new ArrayList<>();
            for (int i = 0; i < samples.size(); i++) {
                parsed.add(SampleJson.parse(JsonFields.object(samples.get(i), where + ", sample " + i),
                        where + ", sample " + i, vocabulary));
            }
            ids.add(id);
            trees.add(buildTree(parsed, segmenter, share, where));
            oldLogp.add(parsed.stream().map(SampleJson::oldLogp).toArray(float[][]::new));
            refLogp.add(parsed.stream().map(SampleJson::refLogp).toArray(float[][]::new));
            anyOld |= parsed.stream().anyMatch(s -> s.oldLogp() != null);
            anyRef |= parsed.stream().anyMatch(s -> s.refLogp() != null);
        }
        AdvantageInput input = new AdvantageInput(trees, anyOld ? oldLogp : null, anyRef ? refLogp : null, klCoef);
        return new AdvantagesRequest(ids, input, segmenterName, share);
    }

    private static SegmenterParams segmenterParams(JsonObject root) {
        SegmenterParams defaults = SegmenterParams.defaults();
        if (!root.has("segmenter_params")) {
            return defaults;
        }
        String where = "segmenter_params";
        JsonObject p = JsonFields.object(root.get(where), where);
        checkKeys(p, PARAM_KEYS, where);
        List<String> tools = defaults.toolTags();
        if (p.has("tools")) {
            tools = new ArrayList<>();
            for (JsonElement e : JsonFields.array(p, "tools", where)) {
                tools.add(JsonFields.asString(e, where + ".tools"));
            }
        }
        EntropyCutParams entropy = new EntropyCutParams(
                p.has("entropy_top_q") ? JsonFields.number(p, "entropy_top_q", where) : defaults.entropy().topQ(),
                p.has("entropy_threshold") ? JsonFields.number(p, "entropy_threshold", where)
                        : defaults.entropy().threshold());
        return new SegmenterParams(entropy, tools);
    }

    private static TrajectoryTree buildTree(List<SampleJson> samples, Segmenter segmenter, boolean share,
                                            String where) {
        try {
            List<RolloutSample> rollouts = samples.stream().map(SampleJson::sample).toList();
            List<int[]> cuts = new ArrayList<>();
            for (SampleJson s : samples) {
                cuts.add(s.segments() != null ? s.segments() : segmenter.cuts(s.sample().segmentInput()));
            }
            return TrajectoryTreeBuilder.build(rollouts, cuts, share);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    static void checkKeys(JsonObject object, Set<String> allowed, String where) {
        for (String key : object.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown field '" + key + "'; known: "
                        + allowed.stream().sorted().toList());
            }
        }
    }
}
