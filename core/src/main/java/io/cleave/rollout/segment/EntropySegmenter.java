package io.cleave.rollout.segment;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * {@code entropy}: a macro-action starts before each high-entropy policy token (a branch point of the policy).
 *
 * <p>Selected are the {@code ceil(topQ * P)} policy tokens of highest entropy (P = number of policy tokens; ties go
 * to the earlier token) together with every policy token whose entropy exceeds the threshold. A selected token at
 * position 0 opens the first macro-action anyway and adds no cut.
 */
final class EntropySegmenter implements Segmenter {

    private final EntropyCutParams params;

    EntropySegmenter(EntropyCutParams params) {
        this.params = params;
    }

    @Override
    public String name() {
        return "entropy";
    }

    @Override
    public int[] cuts(SegmentInput input) {
        boolean[] policy = input.policyMask();
        float[] entropy = input.entropy();
        int[] policyTokens = IntStream.range(0, input.length()).filter(i -> policy[i]).toArray();
        int top = (int) Math.ceil(params.topQ() * policyTokens.length - 1e-9);
        IntStream byRank = IntStream.of(policyTokens).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -entropy[i]).thenComparingInt(i -> i))
                .limit(top)
                .mapToInt(Integer::intValue);
        IntStream aboveThreshold = IntStream.of(policyTokens).filter(i -> entropy[i] > params.threshold());
        return Cuts.normalize(IntStream.concat(byRank, aboveThreshold).toArray(), policy);
    }
}
