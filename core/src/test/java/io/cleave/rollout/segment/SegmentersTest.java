package io.cleave.rollout.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentersTest {

    /** Input with the given token texts and policy flags, entropy 0. */
    private static SegmentInput input(String[] text, boolean... policy) {
        return new SegmentInput(new int[text.length], policy, new float[text.length], text);
    }

    private static boolean[] allPolicy(int n) {
        boolean[] p = new boolean[n];
        Arrays.fill(p, true);
        return p;
    }

    @Test
    void tokenCutsBeforeEveryPolicyTokenAndEnvTokensJoinThePrecedingOne() {
        String[] text = {"a", "b", "c", "d", "e"};
        int[] cuts = Segmenters.create("token").cuts(input(text, true, false, true, true, false));
        assertArrayEquals(new int[] {2, 3}, cuts);
    }

    @Test
    void sequenceHasNoCutsAndIsOneActionPerOutput() {
        Segmenter s = Segmenters.create("sequence");
        assertArrayEquals(new int[0], s.cuts(input(new String[] {"a", "b"}, true, true)));
        assertTrue(s.oneActionPerOutput());
        assertFalse(Segmenters.create("marker").oneActionPerOutput());
    }

    @Test
    void markerCutsAfterToolResultAndAfterThink() {
        String[] text = {"<calc>", "1+1", "</calc>", "<result>", "2", "</result>", "So", " 2", "</think>", "Answer"};
        boolean[] policy = {true, true, true, false, false, false, true, true, true, true};
        assertArrayEquals(new int[] {6, 9}, Segmenters.create("marker").cuts(input(text, policy)));
    }

    @Test
    void markerKeepsAResultWrittenAsPolicyTextWithItsCall() {
        String[] text = {"<calc>1+1</calc>", "\n", "<result>2</result>", "ok"};
        assertArrayEquals(new int[] {3}, Segmenters.create("marker").cuts(input(text, allPolicy(4))));
    }

    @Test
    void markerTagEndingInsideATokenCutsAfterThatToken() {
        String[] text = {"<search>x</sea", "rch>\nThe", " end", "."};
        assertArrayEquals(new int[] {2}, Segmenters.create("marker").cuts(input(text, allPolicy(4))));
    }

    @Test
    void markerOnlyCutsAtConfiguredToolsAndThink() {
        String[] text = {"<foo>q</foo>", "x", "<answer>1</answer>", "y"};
        assertArrayEquals(new int[0], Segmenters.create("marker").cuts(input(text, allPolicy(4))));
        SegmenterParams foo = new SegmenterParams(EntropyCutParams.defaults(), List.of("foo"));
        assertArrayEquals(new int[] {1}, Segmenters.create("marker", foo).cuts(input(text, allPolicy(4))));
    }

    @Test
    void paragraphCutsAfterBlankLineRuns() {
        String[] text = {"Para", " one.", "\n\n", "Second", "\n", "line", "\n \n\n", "Third"};
        assertArrayEquals(new int[] {3, 7}, Segmenters.create("paragraph").cuts(input(text, allPolicy(8))));
    }

    @Test
    void paragraphCutNeverStartsOnAToolResultToken() {
        String[] text = {"a", "\n\n", "<result>1</result>", "b"};
        int[] cuts = Segmenters.create("paragraph").cuts(input(text, true, true, false, true));
        assertArrayEquals(new int[] {3}, cuts);
    }

    @Test
    void entropyTopQCutsBeforeHighestEntropyPolicyTokens() {
        float[] entropy = {0.1f, 0.9f, 0.5f, 0.7f, 0.8f, 0.2f};
        boolean[] policy = {true, true, true, false, true, true};
        SegmentInput in = new SegmentInput(new int[6], policy, entropy, new String[] {"", "", "", "", "", ""});
        SegmenterParams topQ = new SegmenterParams(new EntropyCutParams(0.4, Double.POSITIVE_INFINITY), List.of());
        assertArrayEquals(new int[] {1, 4}, Segmenters.create("entropy", topQ).cuts(in));
        SegmenterParams threshold = new SegmenterParams(new EntropyCutParams(0, 0.45), List.of());
        assertArrayEquals(new int[] {1, 2, 4}, Segmenters.create("entropy", threshold).cuts(in));
    }

    @Test
    void entropyTokenAtPositionZeroAddsNoCut() {
        SegmentInput in = new SegmentInput(new int[3], allPolicy(3), new float[] {0.9f, 0.1f, 0.2f},
                new String[] {"", "", ""});
        SegmenterParams top = new SegmenterParams(new EntropyCutParams(0.3, Double.POSITIVE_INFINITY), List.of());
        assertArrayEquals(new int[0], Segmenters.create("entropy", top).cuts(in));
    }

    @Test
    void entropyParamsValidationNamesTheKey() {
        IllegalArgumentException q = assertThrows(IllegalArgumentException.class,
                () -> new EntropyCutParams(1.5, 1));
        assertTrue(q.getMessage().contains("segmenter.entropy-top-q"), q.getMessage());
        IllegalArgumentException off = assertThrows(IllegalArgumentException.class,
                () -> new EntropyCutParams(0, Double.POSITIVE_INFINITY));
        assertTrue(off.getMessage().contains("segmenter.entropy-threshold"), off.getMessage());
        IllegalArgumentException tag = assertThrows(IllegalArgumentException.class,
                () -> new SegmenterParams(EntropyCutParams.defaults(), List.of("</calc>")));
        assertTrue(tag.getMessage().contains("segmenter.tools"), tag.getMessage());
    }

    @Test
    void unknownSegmenterListsKnownNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Segmenters.create("words"));
        assertEquals("unknown segmenter 'words'; known: [entropy, marker, paragraph, sequence, token]",
                e.getMessage());
    }

    @Test
    void inputArraysMustHaveOneLength() {
        assertThrows(IllegalArgumentException.class,
                () -> new SegmentInput(new int[2], new boolean[2], new float[1], new String[] {"a", "b"}));
    }
}
