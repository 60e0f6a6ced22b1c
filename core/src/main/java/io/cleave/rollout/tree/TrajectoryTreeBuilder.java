package io.cleave.rollout.tree;

import io.cleave.rollout.segment.Segmenter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Builds a prompt's {@link TrajectoryTree} from its rollout samples.
 *
 * <p>Sharing: a branched sample's tokens {@code [0, branchPos)} are its parent sample's tokens, so its nodes over
 * that prefix are the parent's nodes; {@code branchPos} becomes a cut in the parent (and, if it lies inside the
 * parent's own shared prefix, in the ancestor that generated those tokens), so it is a node boundary in both. The
 * segmenter's cuts of a branched sample inside its shared prefix are ignored: the prefix is segmented once, in the
 * ancestor that generated it. Nodes are never shared between samples without branching ancestry.
 *
 * <p>With a segmenter whose {@link Segmenter#oneActionPerOutput()} is true ({@code sequence}, K = 1) every sample is
 * one root-level node of its own: the action is the whole output, whose macro-state is the bare prompt, so no node
 * can be shared and shared prefix tokens count in every trajectory that contains them.
 *
 * <p>Validation: a parent must come before its child in the list; the shared prefix must be equal token for token
 * (and in its policy mask); with sharing, a branch position other than 0 must be a policy token in the child and,
 * unless it is the parent's end, in the parent (macro-actions never start with a tool result). Errors name the
 * sample.
 */
public final class TrajectoryTreeBuilder {

    private TrajectoryTreeBuilder() {}

    /** Segments every sample with {@code segmenter} and builds the tree. */
    public static TrajectoryTree build(List<RolloutSample> samples, Segmenter segmenter) {
        List<int[]> cuts = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            cuts.add(segmenter.cuts(Objects.requireNonNull(samples.get(i), "sample " + i).segmentInput()));
        }
        return build(samples, cuts, !segmenter.oneActionPerOutput());
    }

    /**
     * Builds the tree from explicit cut positions.
     *
     * @param samples       the prompt's samples, parents before children
     * @param cuts          per sample, strictly increasing cut positions in {@code (0, L)} on policy tokens
     * @param sharePrefixes whether branched samples share their parents' prefix nodes (false: one independent node
     *                      chain per sample)
     */
    public static TrajectoryTree build(List<RolloutSample> samples, List<int[]> cuts, boolean sharePrefixes) {
        if (cuts.size() != samples.size()) {
            throw new IllegalArgumentException(cuts.size() + " cut lists for " + samples.size() + " samples");
        }
        for (int i = 0; i < samples.size(); i++) {
            Objects.requireNonNull(samples.get(i), "sample " + i);
            validateAncestry(samples, i, sharePrefixes);
            validateCuts(samples.get(i), cuts.get(i), i);
        }
        List<TreeSet<Integer>> own = sharePrefixes ? ownCuts(samples, cuts) : copyCuts(cuts);
        List<TreeNode> nodes = new ArrayList<>();
        List<Trajectory> trajectories = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            RolloutSample sample = samples.get(i);
            Trajectory parent = sharePrefixes && sample.isBranch() ? trajectories.get(sample.parentSample()) : null;
            trajectories.add(buildTrajectory(i, sample, parent, own.get(i), nodes));
        }
        return new TrajectoryTree(nodes, trajectories);
    }

    private static void validateAncestry(List<RolloutSample> samples, int i, boolean sharePrefixes) {
        RolloutSample child = samples.get(i);
        if (!child.isBranch()) {
            return;
        }
        int p = child.parentSample();
        if (p >= i) {
            throw new IllegalArgumentException("sample " + i + ": parentSample " + p
                    + " must come before the sample in the list");
        }
        RolloutSample parent = samples.get(p);
        int bp = child.branchPos();
        if (bp > parent.length()) {
            throw new IllegalArgumentException("sample " + i + ": branchPos " + bp + " exceeds the length "
                    + parent.length() + " of parent sample " + p);
        }
        for (int t = 0; t < bp; t++) {
            if (child.tokens()[t] != parent.tokens()[t] || child.policyMask()[t] != parent.policyMask()[t]) {
                throw new IllegalArgumentException("sample " + i + ": shared prefix differs from parent sample " + p
                        + " at token " + t + " (token " + child.tokens()[t] + " vs " + parent.tokens()[t]
                        + ", policy " + child.policyMask()[t] + " vs " + parent.policyMask()[t] + ")");
            }
        }
        if (!sharePrefixes || bp == 0) {
            return;
        }
        if (!child.policyMask()[bp]) {
            throw new IllegalArgumentException("sample " + i + ": branchPos " + bp
                    + " falls on a tool-result token; a branch must start with a policy token");
        }
        if (bp < parent.length() && !parent.policyMask()[bp]) {
            throw new IllegalArgumentException("sample " + i + ": branchPos " + bp + " falls on a tool-result token"
                    + " of parent sample " + p + "; a macro-action cannot start there");
        }
    }

    private static void validateCuts(RolloutSample sample, int[] cuts, int i) {
        Objects.requireNonNull(cuts, "cuts of sample " + i);
        int previous = 0;
        for (int c : cuts) {
            if (c <= previous || c >= sample.length()) {
                throw new IllegalArgumentException("sample " + i + ": cuts " + Arrays.toString(cuts)
                        + " must be strictly increasing in (0, " + sample.length() + ")");
            }
            if (!sample.policyMask()[c]) {
                throw new IllegalArgumentException("sample " + i + ": cut " + c
                        + " falls on a tool-result token; macro-actions start with policy tokens");
            }
            previous = c;
        }
    }

    private static List<TreeSet<Integer>> copyCuts(List<int[]> cuts) {
        List<TreeSet<Integer>> own = new ArrayList<>(cuts.size());
        for (int[] c : cuts) {
            TreeSet<Integer> set = new TreeSet<>();
            Arrays.stream(c).forEach(set::add);
            own.add(set);
        }
        return own;
    }

    /** Each sample's cuts after its branch position, plus the branch positions of its descendants that land there. */
    private static List<TreeSet<Integer>> ownCuts(List<RolloutSample> samples, List<int[]> cuts) {
        List<TreeSet<Integer>> own = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            int bp = samples.get(i).branchPos();
            TreeSet<Integer> set = new TreeSet<>();
            Arrays.stream(cuts.get(i)).filter(c -> c > bp).forEach(set::add);
            own.add(set);
        }
        for (RolloutSample sample : samples) {
            if (sample.isBranch() && sample.branchPos() > 0) {
                addBoundary(samples, own, sample.parentSample(), sample.branchPos());
            }
        }
        return own;
    }

    /** Makes {@code pos} a node boundary on sample {@code s}'s path, in the sample that generated that position. */
    private static void addBoundary(List<RolloutSample> samples, List<TreeSet<Integer>> own, int s, int pos) {
        int current = s;
        while (true) {
            RolloutSample sample = samples.get(current);
            if (pos >= sample.length() || (sample.isBranch() && pos == sample.branchPos())) {
                return;
            }
            if (!sample.isBranch() || pos > sample.branchPos()) {
                own.get(current).add(pos);
                return;
            }
            current = sample.parentSample();
        }
    }

    private static Trajectory buildTrajectory(int index, RolloutSample sample, Trajectory parent,
                                              TreeSet<Integer> cuts, List<TreeNode> nodes) {
        int[] tokenNode = new int[sample.length()];
        List<Integer> path = new ArrayList<>();
        int start = 0;
        int previous = -1;
        if (parent != null && sample.branchPos() > 0) {
            start = sample.branchPos();
            for (int id : parent.path()) {
                if (nodes.get(id).end() > start) {
                    break;
                }
                path.add(id);
                previous = id;
            }
            if (previous < 0 || nodes.get(previous).end() != start) {
                throw new IllegalStateException("sample " + index + ": branchPos " + start
                        + " is not a node boundary of parent sample " + sample.parentSample());
            }
            System.arraycopy(parent.tokenNode(), 0, tokenNode, 0, start);
        }
        List<Integer> bounds = new ArrayList<>(cuts.tailSet(start, false));
        bounds.add(sample.length());
        for (int end : bounds) {
            int id = nodes.size();
            nodes.add(new TreeNode(id, previous, index, start, end));
            Arrays.fill(tokenNode, start, end, id);
            path.add(id);
            previous = id;
            start = end;
        }
        return new Trajectory(sample, path.stream().mapToInt(Integer::intValue).toArray(), tokenNode);
    }
}
