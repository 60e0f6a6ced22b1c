package io.cleave.rollout.segment;

import java.util.Arrays;

/** Shared helpers of the segmenters: text offsets of tokens and normalisation of raw cut positions. */
final class Cuts {

    private Cuts() {}

    /**
     * Character offset at which each token starts in the concatenated text, plus the total length at index L.
     *
     * @return {@code (L + 1)} offsets
     */
    static int[] tokenStarts(String[] tokenText) {
        int[] starts = new int[tokenText.length + 1];
        for (int i = 0; i < tokenText.length; i++) {
            starts[i + 1] = starts[i] + tokenText[i].length();
        }
        return starts;
    }

    /**
     * The cut that puts everything before character offset {@code end} into the earlier macro-action: the index of
     * the first token starting at or after {@code end} (a token straddling {@code end} stays with the earlier
     * macro-action). Returns L when no token starts there.
     */
    static int cutAfterChar(int[] starts, int end) {
        int n = starts.length - 1;
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] >= end) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * Sorts and de-duplicates raw cuts, moves a cut that falls on an environment token forward to the next policy
     * token, and drops cuts outside {@code (0, L)}.
     */
    static int[] normalize(int[] raw, boolean[] policyMask) {
        int n = policyMask.length;
        int[] moved = new int[raw.length];
        int count = 0;
        for (int cut : raw) {
            int c = cut;
            while (c > 0 && c < n && !policyMask[c]) {
                c++;
            }
            if (c > 0 && c < n) {
                moved[count++] = c;
            }
        }
        return Arrays.stream(moved, 0, count).sorted().distinct().toArray();
    }
}
