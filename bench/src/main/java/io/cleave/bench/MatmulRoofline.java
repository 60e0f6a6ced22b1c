package io.cleave.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.cleave.model.TorchRuntime;

/** Measures float32 matmul throughput ({@code n x n} by {@code n x n}, {@code 2 n^3} FLOPs) through DJL. */
final class MatmulRoofline {

    private MatmulRoofline() {}

    /** GFLOP/s of the best of {@code repeats} timed products after a warm-up. */
    static double gflops(int n, int repeats) {
        try (NDManager m = TorchRuntime.newManager()) {
            NDArray a = m.randomNormal(new Shape(n, n));
            NDArray b = m.randomNormal(new Shape(n, n));
            a.matMul(b).close();
            double best = Double.MAX_VALUE;
            for (int i = 0; i < repeats; i++) {
                long t0 = System.nanoTime();
                NDArray c = a.matMul(b);
                c.getFloat(0, 0);
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
                c.close();
            }
            return 2.0 * n * n * n / best / 1e9;
        }
    }
}
