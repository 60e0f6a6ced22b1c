package io.cleave.spark.testing;

import io.cleave.algo.advantage.AdvantageInput;
import io.cleave.rollout.segment.EntropyCutParams;
import io.cleave.rollout.segment.SegmenterParams;
import io.cleave.rollout.segment.Segmenters;
import io.cleave.rollout.tree.RolloutSample;
import io.cleave.rollout.tree.TrajectoryTree;
import io.cleave.rollout.tree.TrajectoryTreeBuilder;
import io.cleave.spark.rows.TrajectoryRow;
import io.cleave.spark.rows.TrajectoryRows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random prompt groups with branching, tool calls and blank lines, each built with one of core's segmenters
 * ({@code token, sequence, marker, paragraph, entropy} in turn), with random log-probs.
 *
 * <p>Samples are sequences of chunks: a word, a blank line, {@code </think>}, or a tool call
 * {@code <calc> 1+2 </calc>} followed by the tool-result tokens {@code <result> 3 </result>}. A branched sample
 * copies its parent's first {@code branchPos} tokens (a position where a macro-action may start) and adds at least
 * one chunk. Rewards come from {0, 1} or are uniform, and some groups have one sample or all-equal rewards.
 *
 * @param ids     group ids, {@code "g0", "g1", ...}
 * @param input   the trees with old and reference log-probs (klCoef as given)
 * @param rows    all groups as trajectory rows, iteration {@code iteration}
 */
public record RandomBatches(List<String> ids, AdvantageInput input, List<TrajectoryRow> rows) {

    /** Segmenters cycled through, one per group. */
    public static final List<String> SEGMENTERS = List.of("token", "sequence", "marker", "paragraph", "entropy");

    private static final String[] WORDS = {"a", "b ", "so", "x", " y"};

    /** A batch of {@code groups} random groups from {@code seed}. */
    public static RandomBatches generate(long seed, int groups, int iteration, double klCoef) {
        Random random = new Random(seed);
        Map<String, Integer> vocabulary = new HashMap<>();
        SegmenterParams params = new SegmenterParams(new EntropyCutParams(0.3, 2.5), List.of("calc"));
        List<String> ids = new ArrayList<>();
        List<TrajectoryTree> trees = new ArrayList<>();
        List<float[][]> old = new ArrayList<>();
        List<float[][]> ref = new ArrayList<>();
        List<TrajectoryRow> rows = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            List<RolloutSample> samples = samples(random, vocabulary, g);
            TrajectoryTree tree = TrajectoryTreeBuilder.build(samples,
                    Segmenters.create(SEGMENTERS.get(g % SEGMENTERS.size()), params));
            float[][] o = logps(random, samples);
            float[][] r = logps(random, samples);
            ids.add("g" + g);
            trees.add(tree);
            old.add(o);
            ref.add(r);
            rows.addAll(TrajectoryRows.fromTree(iteration, "g" + g, tree, o, r));
        }
        return new RandomBatches(ids, new AdvantageInput(trees, old, ref, klCoef), rows);
    }

    private static List<RolloutSample> samples(Random random, Map<String, Integer> vocabulary, int g) {
        int n = g % 7 == 6 ? 1 : 2 + random.nextInt(6);
        int rewardKind = random.nextInt(4);
        double constant = random.nextInt(3) * 0.5;
        List<RolloutSample> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> text = new ArrayList<>();
            List<Boolean> policy = new ArrayList<>();
            List<Float> entropy = new ArrayList<>();
            int parent = -1;
            int branchPos = 0;
            if (i > 0 && random.nextDouble() < 0.7) {
                parent = random.nextInt(i);
                RolloutSample p = samples.get(parent);
                List<Integer> starts = new ArrayList<>();
                for (int pos = 0; pos <= p.length(); pos++) {
                    if (pos == p.length() || p.policyMask()[pos]) {
                        starts.add(pos);
                    }
                }
                branchPos = starts.get(random.nextInt(starts.size()));
                for (int t = 0; t < branchPos; t++) {
                    text.add(p.tokenText()[t]);
                    policy.add(p.policyMask()[t]);
                    entropy.add(p.entropy()[t]);
                }
            }
            int chunks = 1 + random.nextInt(4);
            for (int c = 0; c < chunks; c++) {
                addChunk(random, text, policy, entropy);
            }
            double reward = switch (rewardKind) {
                case 0 -> constant;
                case 1 -> random.nextDouble() * 2 - 1;
                default -> random.nextInt(2);
            };
            samples.add(sample(text, policy, entropy, parent, branchPos, reward, vocabulary));
        }
        return samples;
    }

    private static void addChunk(Random random, List<String> text, List<Boolean> policy, List<Float> entropy) {
        switch (random.nextInt(6)) {
            case 0 -> add(random, text, policy, entropy, true, "\n\n");
            case 1 -> add(random, text, policy, entropy, true, "</think>");
            case 2 -> {
                add(random, text, policy, entropy, true, "<calc>", "1+2", "</calc>");
                add(random, text, policy, entropy, false, "<result>", "3", "</result>");
            }
            default -> add(random, text, policy, entropy, true, WORDS[random.nextInt(WORDS.length)],
                    WORDS[random.nextInt(WORDS.length)]);
        }
    }

    private static void add(Random random, List<String> text, List<Boolean> policy, List<Float> entropy,
                            boolean byPolicy, String... tokens) {
        for (String t : tokens) {
            text.add(t);
            policy.add(byPolicy);
            entropy.add(byPolicy ? random.nextFloat() * 3 : 0f);
        }
    }

    private static RolloutSample sample(List<String> text, List<Boolean> policy, List<Float> entropy, int parent,
                                        int branchPos, double reward, Map<String, Integer> vocabulary) {
        int n = text.size();
        int[] ids = new int[n];
        boolean[] mask = new boolean[n];
        float[] h = new float[n];
        for (int t = 0; t < n; t++) {
            ids[t] = vocabulary.computeIfAbsent(text.get(t), k -> vocabulary.size());
            mask[t] = policy.get(t);
            h[t] = entropy.get(t);
        }
        return new RolloutSample(ids, mask, h, text.toArray(String[]::new), parent, branchPos, reward);
    }

    private static float[][] logps(Random random, List<RolloutSample> samples) {
        float[][] out = new float[samples.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new float[samples.get(i).length()];
            for (int t = 0; t < out[i].length; t++) {
                out[i][t] = -random.nextFloat() * 4;
            }
        }
        return out;
    }
}
