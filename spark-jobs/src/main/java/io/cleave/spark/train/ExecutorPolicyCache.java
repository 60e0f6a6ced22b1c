package io.cleave.spark.train;

import ai.djl.Device;
import io.cleave.model.ModelConfig;
import io.cleave.model.Policy;
import io.cleave.model.io.ModelDirectory;
import io.cleave.tokenizer.CharTokenizer;
import io.cleave.tokenizer.HfTokenizer;
import io.cleave.tokenizer.Tokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The executor JVM's policy, shared by every task of the JVM and keyed by weights version: the first task that
 * needs a new version loads it (in place, into the existing arrays) while holding the write lock; rollouts hold
 * the read lock. Counts loads per version, so the job can check each version is loaded at most once per JVM.
 */
public final class ExecutorPolicyCache {

    private static final ReentrantReadWriteLock LOCK = new ReentrantReadWriteLock();
    private static final Map<String, AtomicLong> LOADS = new ConcurrentHashMap<>();
    private static Policy policy;
    private static String version;
    private static String architecture;

    private ExecutorPolicyCache() {}

    /** Runs {@code work} with this JVM's policy at the broadcast version. */
    public static <T> T withPolicy(JobSpec spec, WeightsPayload weights, Device device, Function<Policy, T> work) {
        ensure(spec, weights, device);
        LOCK.readLock().lock();
        try {
            return work.apply(policy);
        } finally {
            LOCK.readLock().unlock();
        }
    }

    private static void ensure(JobSpec spec, WeightsPayload weights, Device device) {
        LOCK.readLock().lock();
        try {
            if (policy != null && weights.key().equals(version)) {
                return;
            }
        } finally {
            LOCK.readLock().unlock();
        }
        LOCK.writeLock().lock();
        try {
            if (policy != null && weights.key().equals(version)) {
                return;
            }
            Map<String, float[]> values = weights.weights() != null ? weights.weights()
                    : ModelDirectory.readWeights(Path.of(weights.modelDir()));
            String arch = spec.modelConfig().toString() + spec.tokenizerDir();
            if (policy == null || !arch.equals(architecture)) {
                if (policy != null) {
                    policy.close();
                }
                ModelConfig config = spec.model();
                policy = Policy.withWeights(config, tokenizer(spec), values, device);
                architecture = arch;
            } else {
                policy.loadWeights(values);
            }
            version = weights.key();
            LOADS.computeIfAbsent(version, v -> new AtomicLong()).incrementAndGet();
        } finally {
            LOCK.writeLock().unlock();
        }
    }

    /** How many times this JVM loaded the weights with this {@link WeightsPayload#key()}. */
    public static long loads(String key) {
        AtomicLong n = LOADS.get(key);
        return n == null ? 0 : n.get();
    }

    private static Tokenizer tokenizer(JobSpec spec) {
        if (spec.tokenizerDir() == null) {
            return CharTokenizer.instance();
        }
        try {
            return HfTokenizer.load(Path.of(spec.tokenizerDir()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
