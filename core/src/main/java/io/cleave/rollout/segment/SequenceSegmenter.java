package io.cleave.rollout.segment;

/** {@code sequence}: the whole output is one macro-action (K = 1, GRPO's unit); no cuts, no shared nodes. */
final class SequenceSegmenter implements Segmenter {

    @Override
    public String name() {
        return "sequence";
    }

    @Override
    public int[] cuts(SegmentInput input) {
        return new int[0];
    }

    @Override
    public boolean oneActionPerOutput() {
        return true;
    }
}
