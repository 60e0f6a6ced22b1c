package io.cleave.spark.executor;

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
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The executor JVM's policies, shared by every task of the JVM and keyed by weights version: the policy being
 * trained and, for the KL term of a data-parallel update, the frozen reference. The first task that needs a new
 * version of a policy loads it (in place, into the existing arrays) while holding that policy's write lock and
 * keeps the read lock while it works; other tasks hold the read lock, so a version cannot change under a running
 * task. Counts loads per version, so the job can check each version is loaded at most once per JVM.
 */
public final class ExecutorPolicyCache {

    private static final Slot CURRENT = new Slot();
    private static final Slot REFERENCE = new Slot();
    private static final Map<String, AtomicLong> LOADS = new ConcurrentHashMap<>();

    private ExecutorPolicyCache() {}

    /** Runs {@code work} with this JVM's policy at the broadcast version. */
    public static <T> T withPolicy(JobSpec spec, WeightsPayload weights, Device device, Function<Policy, T> work) {
        return withPolicies(spec, weights, null, device, (policy, reference) -> work.apply(policy));
    }

    /**
     * Runs {@code work} with this JVM's policy at {@code weights} and its reference policy at {@code reference}
     * (passed as null when {@code reference} is null).
     */
    public static <T> T withPolicies(JobSpec spec, WeightsPayload weights, WeightsPayload reference, Device device,
            BiFunction<Policy, Policy, T> work) {
        Policy policy = CURRENT.acquire(spec, weights, device);
        try {
            if (reference == null) {
                return work.apply(policy, null);
            }
            Policy frozen = REFERENCE.acquire(spec, reference, device);
            try {
                return work.apply(policy, frozen);
            } finally {
                REFERENCE.release();
            }
        } finally {
            CURRENT.release();
        }
    }

    /** How many times this JVM loaded the weights with this {@link WeightsPayload#key()}. */
    public static long loads(String key) {
        AtomicLong n = LOADS.get(key);
        return n == null ? 0 : n.get();
    }

    /** One cached policy with its version and lock. */
    private static final class Slot {

        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private Policy policy;
        private String version;
        private String architecture;

        /** The policy at {@code weights}, returned with the read lock held (call {@link #release} after use). */
        Policy acquire(JobSpec spec, WeightsPayload weights, Device device) {
            lock.readLock().lock();
            if (policy != null && weights.key().equals(version)) {
                return policy;
            }
            lock.readLock().unlock();
            lock.writeLock().lock();
            try {
                if (policy == null || !weights.key().equals(version)) {
                    load(spec, weights, device);
                }
                lock.readLock().lock();
            } finally {
                lock.writeLock().unlock();
            }
            return policy;
        }

        void release() {
            lock.readLock().unlock();
        }

        private void load(JobSpec spec, WeightsPayload weights, Device device) {
            version = null;
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
        }
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
