package io.cleave.rollout.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One trajectory while it is being generated: its tokens so far (policy and tool-result), their log-probs and
 * entropies, its decode row, and a pending branch decision when a macro-state was parked for it.
 */
final class PathState {

    final int prompt;
    final int index;
    final int parent;
    final int branchPos;
    int row;
    int[] tokens;
    boolean[] policy;
    float[] logProbs;
    float[] entropies;
    final List<String> tokenText;
    final StringBuilder text;
    int length;
    int toolCalls;
    boolean finished;
    int parkedRow = -1;
    int parkedPos;
    int lookaheadLeft;
    int decisions;

    /** A fresh path with no tokens. */
    PathState(int prompt, int index, int row) {
        this(prompt, index, row, -1, 0, new int[64], new boolean[64], new float[64], new float[64],
                new ArrayList<>(), new StringBuilder(), 0);
    }

    private PathState(int prompt, int index, int row, int parent, int branchPos, int[] tokens, boolean[] policy,
            float[] logProbs, float[] entropies, List<String> tokenText, StringBuilder text, int length) {
        this.prompt = prompt;
        this.index = index;
        this.row = row;
        this.parent = parent;
        this.branchPos = branchPos;
        this.tokens = tokens;
        this.policy = policy;
        this.logProbs = logProbs;
        this.entropies = entropies;
        this.tokenText = tokenText;
        this.text = text;
        this.length = length;
    }

    /** A branch sharing this path's first {@code position} tokens, continuing in {@code row}. */
    PathState branch(int childIndex, int childRow, int position) {
        List<String> texts = new ArrayList<>(tokenText.subList(0, position));
        StringBuilder prefix = new StringBuilder();
        texts.forEach(prefix::append);
        PathState child = new PathState(prompt, childIndex, childRow, index, position,
                Arrays.copyOf(tokens, Math.max(64, tokens.length)), Arrays.copyOf(policy, Math.max(64, tokens.length)),
                Arrays.copyOf(logProbs, Math.max(64, tokens.length)),
                Arrays.copyOf(entropies, Math.max(64, tokens.length)), texts, prefix, position);
        child.toolCalls = countEnvRuns(position);
        return child;
    }

    private int countEnvRuns(int end) {
        int runs = 0;
        for (int i = 0; i < end; i++) {
            if (!policy[i] && (i == 0 || policy[i - 1])) {
                runs++;
            }
        }
        return runs;
    }

    void add(int token, boolean fromPolicy, float logProb, float entropy, String piece) {
        if (length == tokens.length) {
            int grown = length * 2;
            tokens = Arrays.copyOf(tokens, grown);
            policy = Arrays.copyOf(policy, grown);
            logProbs = Arrays.copyOf(logProbs, grown);
            entropies = Arrays.copyOf(entropies, grown);
        }
        tokens[length] = token;
        policy[length] = fromPolicy;
        logProbs[length] = logProb;
        entropies[length] = entropy;
        tokenText.add(piece);
        text.append(piece);
        length++;
    }

    /** Whether token {@code i} is the first policy token after a tool result. */
    boolean startsAfterToolResult(int i) {
        return i > 0 && policy[i] && !policy[i - 1];
    }

    /** Entropies of the first {@code k} policy tokens from position {@code from} on. */
    float[] policyEntropies(int from, int k) {
        float[] out = new float[k];
        int n = 0;
        for (int i = from; i < length && n < k; i++) {
            if (policy[i]) {
                out[n++] = entropies[i];
            }
        }
        return Arrays.copyOf(out, n);
    }
}
