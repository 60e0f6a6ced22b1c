package io.cleave.env.util;

import java.nio.charset.StandardCharsets;

/**
 * A 64-bit string hash that is the same in every JVM and every run (FNV-1a over the UTF-8 bytes, then a
 * SplitMix64 finaliser so that nearby strings spread over the whole range). Used for train/test partitions and
 * for deriving per-task seeds, where {@link String#hashCode()} would be too weak.
 */
public final class StableHash {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private StableHash() {}

    /** The 64-bit hash of {@code text}. */
    public static long of(String text) {
        long h = FNV_OFFSET;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= FNV_PRIME;
        }
        return mix(h);
    }

    /** The hash mapped to a uniform double in [0, 1): the top 53 bits over 2^53. */
    public static double unit(String text) {
        return (of(text) >>> 11) * 0x1.0p-53;
    }

    /** SplitMix64 finaliser: a bijection on longs with good avalanche. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
