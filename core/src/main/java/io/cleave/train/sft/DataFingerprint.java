package io.cleave.train.sft;

import java.util.List;

/**
 * A 64-bit FNV-1a hash over the examples (count, then each example's length, token ids and mask flags), written
 * as 16 hex digits into checkpoints so that resuming on other data fails instead of silently diverging.
 */
final class DataFingerprint {

    private static final long OFFSET = 0xCBF29CE484222325L;
    private static final long PRIME = 0x100000001B3L;

    private DataFingerprint() {}

    static String of(List<SftExample> examples) {
        long h = mix(OFFSET, examples.size());
        for (SftExample e : examples) {
            h = mix(h, e.length());
            for (int t = 0; t < e.length(); t++) {
                h = mix(h, e.tokens()[t]);
                h = mix(h, e.lossMask()[t] ? 1 : 0);
            }
        }
        return String.format("%016x", h);
    }

    private static long mix(long h, int value) {
        long out = h;
        for (int shift = 0; shift < 32; shift += 8) {
            out = (out ^ ((value >>> shift) & 0xFF)) * PRIME;
        }
        return out;
    }
}
