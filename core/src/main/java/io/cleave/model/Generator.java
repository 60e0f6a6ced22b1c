package io.cleave.model;

import io.cleave.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Batched sampling of continuations for a list of prompts with one {@link DecodeSession}: the prompts are fed in
 * one pass, then every unfinished row gets one token per step until it hits a stop token, a stop string or
 * {@code maxNewTokens}. Row {@code r} draws from {@link RowRandom} stream {@code (seed, r)}, so results repeat for
 * a seed.
 */
public final class Generator {

    private Generator() {}

    /** Generates one continuation per prompt. Turns autograd off in the calling thread. */
    public static List<Generation> generate(Policy policy, List<int[]> prompts, GenerationConfig config) {
        TorchRuntime.disableGrad();
        Tokenizer tokenizer = policy.tokenizer();
        int rows = prompts.size();
        int longest = prompts.stream().mapToInt(p -> p.length).max().orElse(0);
        int limit = policy.config().maxPositionEmbeddings();
        for (int r = 0; r < rows; r++) {
            if (prompts.get(r).length == 0) {
                throw new IllegalArgumentException("prompt " + r + " is empty");
            }
            if (prompts.get(r).length >= limit) {
                throw new IllegalArgumentException("prompt " + r + " has " + prompts.get(r).length
                        + " tokens; the model's context is " + limit + " tokens");
            }
        }
        RowRandom random = new RowRandom(config.seed(), rows);
        List<RowState> states = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            states.add(new RowState(Math.min(config.maxNewTokens(), limit - prompts.get(r).length)));
        }
        try (DecodeSession session = policy.newSession(rows, longest + config.maxNewTokens())) {
            session.append(prompts.toArray(new int[0][]));
            int[][] feed = new int[rows][];
            boolean running = true;
            while (running) {
                TokenDraw draw = session.sample(config.sampling(), random.next());
                running = false;
                for (int r = 0; r < rows; r++) {
                    RowState row = states.get(r);
                    feed[r] = null;
                    if (row.stop != null) {
                        continue;
                    }
                    int token = draw.tokens()[r];
                    row.add(token, draw.logProbs()[r], draw.entropies()[r], tokenizer);
                    if (token == tokenizer.eosId() || config.stopTokenIds().contains(token)) {
                        row.stop = Generation.StopReason.STOP_TOKEN;
                    } else if (endsWithAny(row.text, config.stopStrings())) {
                        row.stop = Generation.StopReason.STOP_STRING;
                    } else if (row.count == row.budget) {
                        row.stop = Generation.StopReason.LENGTH;
                    } else {
                        feed[r] = new int[] {token};
                        running = true;
                    }
                }
                if (running) {
                    session.append(feed);
                }
            }
        }
        List<Generation> out = new ArrayList<>(rows);
        for (RowState row : states) {
            out.add(row.finish(tokenizer));
        }
        return out;
    }

    static boolean endsWithAny(CharSequence text, List<String> suffixes) {
        for (String s : suffixes) {
            int start = text.length() - s.length();
            if (start >= 0 && text.subSequence(start, text.length()).toString().equals(s)) {
                return true;
            }
        }
        return false;
    }

    /** Mutable per-row progress. */
    private static final class RowState {
        final int budget;
        int[] tokens = new int[16];
        float[] logProbs = new float[16];
        float[] entropies = new float[16];
        int count;
        final StringBuilder text = new StringBuilder();
        Generation.StopReason stop;

        RowState(int budget) {
            this.budget = budget;
        }

        void add(int token, float logProb, float entropy, Tokenizer tokenizer) {
            if (count == tokens.length) {
                tokens = Arrays.copyOf(tokens, count * 2);
                logProbs = Arrays.copyOf(logProbs, count * 2);
                entropies = Arrays.copyOf(entropies, count * 2);
            }
            tokens[count] = token;
            logProbs[count] = logProb;
            entropies[count] = entropy;
            count++;
            text.append(tokenizer.decode(new int[] {token}));
        }

        Generation finish(Tokenizer tokenizer) {
            int[] ids = Arrays.copyOf(tokens, count);
            return new Generation(ids, Arrays.copyOf(logProbs, count), Arrays.copyOf(entropies, count),
                    tokenizer.decode(ids), stop);
        }
    }
}
