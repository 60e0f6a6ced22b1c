package io.cleave.rollout.engine;

import io.cleave.env.protocol.Detection;
import io.cleave.env.protocol.StepResult;
import io.cleave.env.protocol.ToolEnvironment;
import io.cleave.model.DecodeSession;
import io.cleave.model.Policy;
import io.cleave.model.RowRandom;
import io.cleave.model.TokenDraw;
import io.cleave.model.TorchRuntime;
import io.cleave.rollout.branch.BranchPoint;
import io.cleave.rollout.branch.BranchPolicy;
import io.cleave.rollout.branch.SeedDerivation;
import io.cleave.rollout.segment.SegmentInput;
import io.cleave.rollout.segment.Segmenter;
import io.cleave.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Samples a batch of prompts together in one batched decode, interleaving tool calls and beaming.
 *
 * <p>Each prompt owns {@code M} rows of one {@link DecodeSession} (M = the branch policy's leaf budget). Its prompt
 * is prefilled once and forked into its N initial rows. Every step samples one token for every active path; a path
 * that ends with a closing tool tag gets the tool's result appended in the same forward pass. A macro-state (the
 * first policy token after a tool result, or a segmenter cut) is offered to the {@link BranchPolicy}: {@code boundary}
 * forks its continuations at once; {@code arpo} parks a fork and decides after {@code k} look-ahead tokens from
 * the entropy change. Branches reuse the parent's cache by forking its row. When all of a prompt's paths end early,
 * fresh samples top it up to M leaves. Every random draw derives from (run seed, iteration, prompt id, branch id), so
 * a prompt's trajectories do not depend on which other prompts share its batch.
 */
public final class RolloutEngine {

    private final Policy policy;
    private final ToolEnvironment env;
    private final BranchPolicy branching;
    private final Segmenter segmenter;
    private final RolloutConfig config;
    private final boolean macroStateBranching;
    private final boolean toolResultBranching;

    /** An engine sampling from {@code policy} with tools from {@code env}. */
    public RolloutEngine(Policy policy, ToolEnvironment env, BranchPolicy branching, Segmenter segmenter,
            RolloutConfig config) {
        this.policy = policy;
        this.env = env;
        this.branching = branching;
        this.segmenter = segmenter;
        this.config = config;
        this.macroStateBranching = branching.candidates(BranchPoint.atMacroState(0)) > 0;
        this.toolResultBranching = branching.candidates(
                BranchPoint.afterToolResult(0, new float[0], new float[0])) > 0;
    }

    /** Rolls out every prompt of the batch for training iteration {@code iteration}. */
    public List<PromptRollout> run(List<PromptSpec> prompts, long iteration) {
        TorchRuntime.disableGrad();
        Batch batch = new Batch(prompts, iteration);
        return batch.run();
    }

    /** The mutable state of one batched rollout. */
    private final class Batch {
        final List<PromptSpec> prompts;
        final long iteration;
        final int budget = branching.budget();
        final List<List<PathState>> paths = new ArrayList<>();
        final List<PathState> active = new ArrayList<>();
        final boolean[] busy;
        final RowRandom random;
        final int[] contextLimit;
        final Tokenizer tokenizer = policy.tokenizer();
        final List<String> stops = env.protocol().stopStrings();
        DecodeSession session;

        Batch(List<PromptSpec> prompts, long iteration) {
            this.prompts = prompts;
            this.iteration = iteration;
            int rows = prompts.size() * budget;
            this.busy = new boolean[rows];
            this.random = new RowRandom(0, rows);
            this.contextLimit = new int[prompts.size()];
            int maxPositions = policy.config().maxPositionEmbeddings();
            for (int p = 0; p < prompts.size(); p++) {
                int promptLength = prompts.get(p).promptTokens().length;
                if (promptLength >= maxPositions) {
                    throw new IllegalArgumentException("prompt " + prompts.get(p).promptId() + " has " + promptLength
                            + " tokens; the model's context is " + maxPositions);
                }
                contextLimit[p] = Math.min(config.maxNewTokens(), maxPositions - promptLength);
                paths.add(new ArrayList<>());
            }
        }

        List<PromptRollout> run() {
            int longest = prompts.stream().mapToInt(p -> p.promptTokens().length).max().orElse(0);
            try (DecodeSession s = policy.newSession(busy.length, longest + config.maxNewTokens() + 8)) {
                session = s;
                int[][] prefill = new int[busy.length][];
                for (int p = 0; p < prompts.size(); p++) {
                    prefill[p * budget] = prompts.get(p).promptTokens();
                }
                session.append(prefill);
                for (int p = 0; p < prompts.size(); p++) {
                    for (int i = 0; i < branching.initialSamples(); i++) {
                        int row = p * budget + i;
                        if (i > 0) {
                            session.fork(p * budget, row);
                        }
                        start(new PathState(p, i, row));
                    }
                }
                while (!active.isEmpty()) {
                    step();
                    topUp();
                }
            }
            return RolloutResults.collect(prompts, paths, env);
        }

        private void start(PathState path) {
            paths.get(path.prompt).add(path);
            active.add(path);
            busy[path.row] = true;
            random.reseed(path.row, SeedDerivation.seed(config.runSeed(), iteration,
                    prompts.get(path.prompt).promptId(), path.index));
        }

        private void step() {
            TokenDraw draw = session.sample(config.sampling(), random.next());
            int[][] feed = new int[busy.length][];
            for (PathState path : List.copyOf(active)) {
                int row = path.row;
                int token = draw.tokens()[row];
                path.add(token, true, draw.logProbs()[row], draw.entropies()[row], tokenizer.decode(new int[] {token}));
                offerMacroState(path);
                int[] chunk = advance(path, token);
                if (path.parkedRow >= 0 && path.length - 1 > path.parkedPos) {
                    path.lookaheadLeft--;
                }
                if (path.parkedRow >= 0 && (path.lookaheadLeft <= 0 || path.finished)) {
                    decideParked(path);
                }
                if (path.finished) {
                    active.remove(path);
                    busy[row] = false;
                } else {
                    feed[row] = chunk;
                }
            }
            session.append(feed);
        }

        /** Adds the tool result after a call, and ends the path on an answer, end of text or the length limit. */
        private int[] advance(PathState path, int token) {
            if (token == tokenizer.eosId()) {
                path.finished = true;
                return null;
            }
            int[] chunk = {token};
            if (endsWithStop(path.text)) {
                Detection detection = env.protocol().detect(path.text.toString());
                if (detection instanceof Detection.FinalAnswer || (detection instanceof Detection.Malformed m
                        && !env.protocol().toolNames().contains(m.tool()))) {
                    path.finished = true;
                    return null;
                }
                if (detection instanceof Detection.ToolCall || detection instanceof Detection.Malformed) {
                    StepResult result = env.step(path.text.toString());
                    path.toolCalls++;
                    int[] resultTokens = tokenizer.encode(result.text());
                    int room = contextLimit[path.prompt] - path.length;
                    int kept = Math.max(0, Math.min(resultTokens.length, room));
                    for (int i = 0; i < kept; i++) {
                        path.add(resultTokens[i], false, 0f, 0f, tokenizer.decode(new int[] {resultTokens[i]}));
                    }
                    if (result.status() == StepResult.Status.LENGTH_LIMIT || kept < resultTokens.length) {
                        path.finished = true;
                        return null;
                    }
                    chunk = new int[1 + kept];
                    chunk[0] = token;
                    System.arraycopy(resultTokens, 0, chunk, 1, kept);
                }
            }
            if (path.length >= contextLimit[path.prompt]) {
                path.finished = true;
                return null;
            }
            return chunk;
        }

        private boolean endsWithStop(CharSequence text) {
            for (String stop : stops) {
                int from = text.length() - stop.length();
                if (from >= 0 && text.subSequence(from, text.length()).toString().equals(stop)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The token just sampled at {@code i = length - 1} may open a macro-action; the session row still holds
         * the state before it, so a fork now continues from the macro-state.
         */
        private void offerMacroState(PathState path) {
            int i = path.length - 1;
            if (i == 0 || path.parkedRow >= 0) {
                return;
            }
            int leaves = paths.get(path.prompt).size();
            if (toolResultBranching && path.startsAfterToolResult(i)) {
                int free = freeRow(path.prompt);
                if (free >= 0 && branching.candidates(BranchPoint.afterToolResult(leaves, new float[0], new float[0])) > 0) {
                    session.fork(path.row, free);
                    busy[free] = true;
                    path.parkedRow = free;
                    path.parkedPos = i;
                    path.lookaheadLeft = Math.max(1, branching.lookahead());
                }
            } else if (macroStateBranching && isCut(path, i)) {
                int count = branching.branches(BranchPoint.atMacroState(leaves),
                        uniforms(path, branching.candidates(BranchPoint.atMacroState(leaves))));
                for (int b = 0; b < count; b++) {
                    int free = freeRow(path.prompt);
                    if (free < 0) {
                        break;
                    }
                    session.fork(path.row, free);
                    start(path.branch(paths.get(path.prompt).size(), free, i));
                }
            }
        }

        private boolean isCut(PathState path, int i) {
            int n = path.length;
            SegmentInput input = new SegmentInput(Arrays.copyOf(path.tokens, n), Arrays.copyOf(path.policy, n),
                    Arrays.copyOf(path.entropies, n), path.tokenText.toArray(new String[0]));
            return Arrays.binarySearch(segmenter.cuts(input), i) >= 0;
        }

        /** ARPO: after the look-ahead, branch from the parked macro-state by the entropy-change rule. */
        private void decideParked(PathState path) {
            int parked = path.parkedRow;
            path.parkedRow = -1;
            int leaves = paths.get(path.prompt).size();
            int k = Math.max(1, branching.lookahead());
            BranchPoint point = BranchPoint.afterToolResult(leaves, path.policyEntropies(0, k),
                    path.policyEntropies(path.parkedPos, k));
            int count = branching.branches(point, uniforms(path, branching.candidates(point)));
            if (count == 0) {
                busy[parked] = false;
                return;
            }
            start(path.branch(paths.get(path.prompt).size(), parked, path.parkedPos));
            for (int b = 1; b < count; b++) {
                int free = freeRow(path.prompt);
                if (free < 0) {
                    break;
                }
                session.fork(parked, free);
                start(path.branch(paths.get(path.prompt).size(), free, path.parkedPos));
            }
        }

        private double[] uniforms(PathState path, int count) {
            long seed = SeedDerivation.seed(config.runSeed(), iteration, prompts.get(path.prompt).promptId(),
                    -1L - (path.index * 4096L + path.decisions++));
            return SeedDerivation.uniforms(seed, count);
        }

        private int freeRow(int prompt) {
            for (int r = prompt * budget; r < (prompt + 1) * budget; r++) {
                if (!busy[r]) {
                    return r;
                }
            }
            return -1;
        }

        /** Starts fresh samples for prompts whose paths all ended before reaching M leaves. */
        private void topUp() {
            int[][] prefill = null;
            for (int p = 0; p < prompts.size(); p++) {
                final int prompt = p;
                boolean running = active.stream().anyMatch(path -> path.prompt == prompt);
                int missing = branching.topUp(paths.get(p).size());
                if (running || missing == 0) {
                    continue;
                }
                for (int n = 0; n < missing; n++) {
                    int row = freeRow(p);
                    session.reset(row);
                    if (prefill == null) {
                        prefill = new int[busy.length][];
                    }
                    prefill[row] = prompts.get(p).promptTokens();
                    start(new PathState(p, paths.get(p).size(), row));
                }
            }
            if (prefill != null) {
                session.append(prefill);
            }
        }
    }
}
