package io.cleave.rollout.branch;

import java.nio.charset.StandardCharsets;

/**
 * Deterministic seeds and uniforms from (run seed, iteration, prompt id, branch id), never from the wall clock or
 * the task attempt, so that a re-run task reproduces its trajectories.
 *
 * <p>The four numbers are folded with SplitMix64 steps, {@code mix(z) = finalise(z + 0x9E3779B97F4A7C15)}:
 * {@code h = mix(mix(mix(mix(run) + it) + prompt) + branch)}. Uniforms are
 * successive SplitMix64 outputs from that seed, top 53 bits scaled to [0, 1).
 */
public final class SeedDerivation {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final long FNV_OFFSET = 0xCBF29CE484222325L;
    private static final long FNV_PRIME = 0x100000001B3L;

    private SeedDerivation() {}

    /** The seed of one branch of one prompt in one iteration of a run. */
    public static long seed(long runSeed, long iteration, long promptId, long branchId) {
        return mix(mix(mix(mix(runSeed) + iteration) + promptId) + branchId);
    }

    /** As {@link #seed(long, long, long, long)} with a textual prompt id, hashed by 64-bit FNV-1a over UTF-8. */
    public static long seed(long runSeed, long iteration, String promptId, long branchId) {
        return seed(runSeed, iteration, fnv1a(promptId), branchId);
    }

    /** {@code count} uniforms in [0, 1) from a seed: the SplitMix64 sequence started at {@code seed}. */
    public static double[] uniforms(long seed, int count) {
        double[] out = new double[count];
        long state = seed;
        for (int i = 0; i < count; i++) {
            state += GOLDEN_GAMMA;
            out[i] = (finalise(state) >>> 11) * 0x1.0p-53;
        }
        return out;
    }

    /** One SplitMix64 step from state {@code z}: the finaliser of {@code z + golden gamma}, a bijection. */
    private static long mix(long z) {
        return finalise(z + GOLDEN_GAMMA);
    }

    private static long finalise(long z) {
        long x = z;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }

    private static long fnv1a(String text) {
        long h = FNV_OFFSET;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * FNV_PRIME;
        }
        return h;
    }
}
