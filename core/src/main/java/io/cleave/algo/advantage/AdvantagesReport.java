package io.cleave.algo.advantage;

import io.cleave.rollout.tree.Trajectory;
import io.cleave.rollout.tree.TrajectoryTree;
import io.cleave.rollout.tree.TreeNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The {@code cleave advantages --estimator NAME FILE.json} computation: reads a batch in the advantages JSON format
 * ({@code docs/advantages-json.md}), runs the estimator and formats every trajectory's per-token advantages.
 *
 * <p>Output, per group then per trajectory, one line per macro-action with the advantage of each of its tokens:
 * <pre>
 * estimator gpg-prefix, segmenter marker, shared prefixes
 * group q1: 3 trajectories, 4 nodes, rewards [1, 0, 0]
 *   trajectory 0: reward 1, path [0, 1]
 *     node 0 [0,4): 0.2887 0.2887 0.2887 0.0000
 *     node 1 [4,6): 1.1547 1.1547
 *   trajectory 1: reward 0, branched from 0 at 4, path [0, 2]
 *     node 0 [0,4): 0.2887 0.2887 0.2887 0.0000
 *     node 2 [4,6): -0.5773 -0.5773
 * </pre>
 * Numbers have four decimals; tool-result tokens show 0.
 */
public final class AdvantagesReport {

    private AdvantagesReport() {}

    /** Reads the file (UTF-8) and returns the printable report. */
    public static String render(Path file, String estimator) throws IOException {
        String json = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return render(json, estimator);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses the JSON text, estimates with the named estimator and returns the printable report. */
    public static String render(String json, String estimator) {
        AdvantageEstimator est = AdvantageEstimators.get(estimator);
        AdvantagesRequest request = AdvantagesJson.parse(json);
        float[][][] advantages = est.estimate(request.input());
        StringBuilder out = new StringBuilder();
        out.append("estimator ").append(est.name()).append(", segmenter ").append(request.segmenter())
                .append(request.sharePrefixes() ? ", shared prefixes" : ", no shared prefixes").append('\n');
        for (int g = 0; g < advantages.length; g++) {
            TrajectoryTree tree = request.input().groups().get(g);
            out.append("group ").append(request.groupIds().get(g)).append(": ").append(tree.size())
                    .append(" trajectories, ").append(tree.nodes().size()).append(" nodes, rewards ")
                    .append(Arrays.stream(tree.rewards()).mapToObj(AdvantagesReport::number).toList()).append('\n');
            for (int i = 0; i < tree.size(); i++) {
                appendTrajectory(out, tree, i, advantages[g][i]);
            }
        }
        return out.toString();
    }

    private static void appendTrajectory(StringBuilder out, TrajectoryTree tree, int i, float[] advantage) {
        Trajectory t = tree.trajectories().get(i);
        out.append("  trajectory ").append(i).append(": reward ").append(number(t.reward()));
        if (t.sample().isBranch()) {
            out.append(", branched from ").append(t.sample().parentSample()).append(" at ")
                    .append(t.sample().branchPos());
        }
        out.append(", path ").append(Arrays.toString(t.path())).append('\n');
        for (int id : t.path()) {
            TreeNode node = tree.nodes().get(id);
            out.append("    node ").append(id).append(" [").append(node.start()).append(',').append(node.end())
                    .append("):");
            for (int k = node.start(); k < node.end(); k++) {
                out.append(' ').append(String.format(Locale.ROOT, "%.4f", advantage[k]));
            }
            out.append('\n');
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.4f", value);
    }
}
