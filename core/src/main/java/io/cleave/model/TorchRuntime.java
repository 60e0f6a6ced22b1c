package io.cleave.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Access to DJL's PyTorch engine: loads the native library on first use, hands out managers, and switches
 * autograd per thread (new threads, Spark task threads included, start with autograd on).
 */
public final class TorchRuntime {

    private TorchRuntime() {}

    /** The PyTorch engine, loaded on first call. */
    public static Engine engine() {
        return Engine.getEngine("PyTorch");
    }

    /** A new root manager on the default device. */
    public static NDManager newManager() {
        return engine().newBaseManager();
    }

    /** A new root manager on {@code device}. */
    public static NDManager newManager(Device device) {
        return engine().newBaseManager(device);
    }

    /** Turns autograd off in the calling thread (rollout and scoring of old/reference log-probs). */
    public static void disableGrad() {
        engine();
        JniUtils.setGradMode(false);
    }

    /**
     * A float32 scalar array owned by {@code manager}, to multiply or divide differentiable arrays with. DJL's
     * {@code mul(Number)}, {@code div(Number)} and {@code pow(Number)} wrap the number in a temporary array over a
     * direct buffer and close it at once, but autograd keeps that scalar for the backward pass; once the garbage
     * collector frees the buffer, the backward pass reads freed memory and the gradients come out wrong (zeros,
     * huge values). An array of the step's manager lives until the step is closed, after the backward pass.
     */
    public static NDArray scalar(NDManager manager, double value) {
        return manager.create((float) value);
    }

    /**
     * Sets PyTorch's intra-op thread count. In PyTorch's OpenMP build the count is per thread: it applies to the
     * calling thread and becomes the default of threads created afterwards, while threads that already set one keep
     * theirs (checked through DJL: main at 2, a task thread set to 1, main stays at 2, a later thread gets 1).
     */
    public static void setIntraOpThreads(int threads) {
        engine();
        JniUtils.setNumThreads(threads);
    }

    /** The calling thread's intra-op thread count (see {@link #setIntraOpThreads}). */
    public static int intraOpThreads() {
        engine();
        return JniUtils.getNumThreads();
    }

    /** Turns autograd on in the calling thread (the update step). */
    public static void enableGrad() {
        engine();
        JniUtils.setGradMode(true);
    }
}
