package io.cleave.rollout.tree;

/**
 * One macro-action of a prompt's trajectory tree.
 *
 * @param id     id unique within the prompt: nodes are numbered 0, 1, ... in the order of first appearance (sample
 *               order, then position)
 * @param parent id of the macro-action before this one, -1 when the node starts at the bare prompt
 * @param sample index of the sample that generated the span (the first one in input order; branches reuse it)
 * @param start  first token index of the span in that sample's generated tokens
 * @param end    one past the last token index of the span
 */
public record TreeNode(int id, int parent, int sample, int start, int end) {

    /** Number of tokens in the span. */
    public int length() {
        return end - start;
    }
}
