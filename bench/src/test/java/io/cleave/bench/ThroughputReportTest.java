package io.cleave.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputReportTest {

    @Test
    void ratiosAndRooflineSharesAreComputed() {
        BenchShape shape = new BenchShape("small", 32, 16, 128, 16, 128, 5, 2);
        // training: 1000 tok/s x 1e8 FLOP/token = 100 GFLOP/s = 50% of a 200 GFLOP/s roofline; PyTorch 500 tok/s of
        // 100 GFLOP/s = 50%; decode 2000 vs 1000 tok/s = 2.00x, 2000 x 1e7 = 20 GFLOP/s = 10% of 200
        PresetThroughput r = new PresetThroughput(shape, 2_800_000, 1e7, 1e8,
                new PresetThroughput.Figures(200, 2000, 1000), new PresetThroughput.Figures(100, 1000, 500));
        String md = ThroughputReport.render(List.of(r), 2);
        assertTrue(md.contains("| small | 2.8M | decode (KV cache) | 2000.0 | 1000.0 | 2.00x | 10% | 10% |"), md);
        assertTrue(md.contains("| small | 2.8M | training | 1000.0 | 500.0 | 2.00x | 50% | 50% |"), md);
        assertTrue(md.contains("- small: decode 2.00x, training 2.00x PyTorch; training at 50% of the roofline"), md);
    }
}
