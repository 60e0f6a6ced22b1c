package io.cleave.rollout.segment;

import java.util.stream.IntStream;

/**
 * {@code token}: every policy token is its own macro-action (K = |output|); environment tokens attach to the one
 * before.
 */
final class TokenSegmenter implements Segmenter {

    @Override
    public String name() {
        return "token";
    }

    @Override
    public int[] cuts(SegmentInput input) {
        boolean[] policy = input.policyMask();
        return IntStream.range(1, input.length()).filter(i -> policy[i]).toArray();
    }
}
