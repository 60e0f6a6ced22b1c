/**
 * Trajectory trees: the rollouts of one prompt, cut into macro-actions, with prefixes shared through branching.
 *
 * <p>Each {@link io.cleave.rollout.tree.TreeNode} is a macro-action (a contiguous span of generated tokens: policy
 * tokens and any tool-result tokens that follow them) whose parent is the macro-action before it (-1 for the bare
 * prompt). Each {@link io.cleave.rollout.tree.Trajectory} is a leaf path with its reward. Nodes are shared only
 * through branching ancestry, never because two independent samples happen to have the same text.
 * {@link io.cleave.rollout.tree.TrajectoryTreeBuilder} builds a {@link io.cleave.rollout.tree.TrajectoryTree} from
 * {@link io.cleave.rollout.tree.RolloutSample}s and a segmenter.
 */
package io.cleave.rollout.tree;
