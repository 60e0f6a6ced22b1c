package io.cleave.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.ndarray.NDManager;
import io.cleave.tokenizer.CharTokenizer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Cached decoding against full-sequence scoring, forking, and seeded sampling. */
class DecodeSessionTest {

    private static final CharTokenizer TOK = CharTokenizer.instance();
    private static Policy policy;

    @BeforeAll
    static void load() {
        TorchRuntime.disableGrad();
        policy = Policy.initialize(ModelConfig.preset("tiny", TOK.vocabSize()), TOK, 5);
        java.util.Map<String, float[]> w = policy.weights();
        w.replaceAll((name, v) -> {
            float[] scaled = v.clone();
            for (int i = 0; i < scaled.length; i++) {
                scaled[i] *= name.endsWith("norm.weight") ? 1 : 20; // sharpen so samples differ visibly
            }
            return scaled;
        });
        policy.loadWeights(w);
    }

    @AfterAll
    static void close() {
        policy.close();
    }

    @Test
    void cachedDecodingGivesTheLogProbsAndEntropiesOfScoring() {
        List<int[]> prompts = List.of(TOK.encode("Q: 3+4?\n"), TOK.encode("hello"), TOK.encode("Q: a long prompt\n"));
        GenerationConfig config = new GenerationConfig(new SamplingConfig(0.8, 0, 1.0), 20, List.of(), Set.of(), 42);
        List<Generation> out = Generator.generate(policy, prompts, config);
        for (int r = 0; r < prompts.size(); r++) {
            int[] prompt = prompts.get(r);
            Generation g = out.get(r);
            int[] full = concat(prompt, g.tokens());
            try (NDManager step = policy.manager().newSubManager()) {
                ScoreResult score = policy.score(step, new int[][] {full}, 0.8);
                float[] logp = score.logProbs().toFloatArray();
                float[] entropy = score.entropies().toFloatArray();
                for (int i = 0; i < g.tokens().length; i++) {
                    assertEquals(logp[prompt.length - 1 + i], g.logProbs()[i], 1e-4, "row " + r + " token " + i);
                    assertEquals(entropy[prompt.length - 1 + i], g.entropies()[i], 1e-4, "row " + r + " token " + i);
                }
            }
        }
    }

    @Test
    void chunksOfDifferentLengthsPerRowMatchScoring() {
        int[] a1 = TOK.encode("<calc>2*3</calc>");
        int[] a2 = TOK.encode("<result>6</result>");
        int[] b1 = TOK.encode("xy");
        int[] b2 = TOK.encode("z");
        try (DecodeSession session = policy.newSession(2, 4)) {
            session.append(new int[][] {a1, b1});
            session.append(new int[][] {a2, b2});
            session.append(new int[][] {null, TOK.encode("w")});
            TokenDraw cached = session.sample(new SamplingConfig(1.0, 0, 1.0), new float[] {0.3f, 0.6f});
            assertEquals(a1.length + a2.length, session.length(0));
            assertEquals(4, session.length(1));
            int[] fullA = concat(concat(a1, a2), new int[] {cached.tokens()[0]});
            int[] fullB = concat(TOK.encode("xyzw"), new int[] {cached.tokens()[1]});
            try (NDManager step = policy.manager().newSubManager()) {
                ScoreResult score = policy.score(step, new int[][] {fullA, fullB}, 1.0);
                float[] logp = score.logProbs().toFloatArray();
                int width = fullA.length - 1;
                assertEquals(logp[fullA.length - 2], cached.logProbs()[0], 1e-4);
                assertEquals(logp[width + fullB.length - 2], cached.logProbs()[1], 1e-4);
            }
        }
    }

    @Test
    void aForkedRowContinuesExactlyAsAnUnforkedRow() {
        int[] prefix = TOK.encode("Q: 9-4?\n<calc>9-4</calc><result>5</result>");
        SamplingConfig sampling = new SamplingConfig(1.0, 0, 1.0);
        RowRandom forkedRandom = new RowRandom(99, 3);
        RowRandom plainRandom = new RowRandom(99, 3);
        try (DecodeSession forked = policy.newSession(3, 8); DecodeSession plain = policy.newSession(3, 8)) {
            forked.append(new int[][] {TOK.encode("Q"), TOK.encode("other row"), null});
            forked.append(new int[][] {java.util.Arrays.copyOfRange(prefix, 1, prefix.length), null, null});
            forked.fork(0, 2);
            plain.append(new int[][] {prefix, TOK.encode("other row"), prefix});
            for (int step = 0; step < 15; step++) {
                float[] uniforms = forkedRandom.next();
                TokenDraw a = forked.sample(sampling, uniforms);
                TokenDraw b = plain.sample(sampling, plainRandom.next());
                assertArrayEquals(b.tokens(), a.tokens(), "step " + step);
                assertEquals(b.logProbs()[2], a.logProbs()[2], 1e-4);
                assertArrayEquals(a.tokens(), forked.sample(sampling, uniforms).tokens(), "sampling has no side effect");
                forked.append(new int[][] {{a.tokens()[0]}, {a.tokens()[1]}, {a.tokens()[2]}});
                plain.append(new int[][] {{b.tokens()[0]}, {b.tokens()[1]}, {b.tokens()[2]}});
            }
        }
    }

    @Test
    void samplingRepeatsForASeedAndDiffersAcrossSeeds() {
        List<int[]> prompts = List.of(TOK.encode("Q: "), TOK.encode("Q: "));
        GenerationConfig config = new GenerationConfig(new SamplingConfig(1.0, 20, 0.9), 30, List.of("</calc>"),
                Set.of(), 7);
        List<Generation> first = Generator.generate(policy, prompts, config);
        List<Generation> again = Generator.generate(policy, prompts, config);
        List<Generation> other = Generator.generate(policy, prompts,
                new GenerationConfig(config.sampling(), 30, List.of("</calc>"), Set.of(), 8));
        for (int r = 0; r < 2; r++) {
            assertArrayEquals(first.get(r).tokens(), again.get(r).tokens());
        }
        assertNotEquals(first.get(0).text(), other.get(0).text());
        assertNotEquals(first.get(0).text(), first.get(1).text(), "rows draw from their own streams");
    }

    @Test
    void greedyDecodingPicksTheArgmaxOfScoring() {
        int[] prompt = TOK.encode("abc");
        GenerationConfig greedy = new GenerationConfig(new SamplingConfig(0, 0, 1.0), 5, List.of(), Set.of(), 1);
        Generation g = Generator.generate(policy, List.of(prompt), greedy).get(0);
        int[] sequence = prompt;
        for (int token : g.tokens()) {
            try (NDManager step = policy.manager().newSubManager()) {
                float[] logits = policy.logits(step, new int[][] {sequence}).get(0, sequence.length - 1).toFloatArray();
                int best = 0;
                for (int v = 1; v < logits.length; v++) {
                    best = logits[v] > logits[best] ? v : best;
                }
                assertEquals(best, token);
            }
            sequence = concat(sequence, new int[] {token});
            if (token == TOK.eosId()) {
                break;
            }
        }
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
