package io.cleave.rollout.branch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedDerivationTest {

    @Test
    void uniformsFollowTheSplitMix64ReferenceSequence() {
        // SplitMix64 from state 0 outputs 0xE220A8397B1DCDAF, then 0x6E789E6AA1B965F4.
        double[] u = SeedDerivation.uniforms(0, 2);
        assertEquals((0xE220A8397B1DCDAFL >>> 11) * 0x1.0p-53, u[0]);
        assertEquals((0x6E789E6AA1B965F4L >>> 11) * 0x1.0p-53, u[1]);
    }

    @Test
    void seedIsDeterministicAndSensitiveToEachComponent() {
        long base = SeedDerivation.seed(7, 3, 11, 2);
        assertEquals(base, SeedDerivation.seed(7, 3, 11, 2));
        Set<Long> seeds = new HashSet<>();
        seeds.add(base);
        seeds.add(SeedDerivation.seed(8, 3, 11, 2));
        seeds.add(SeedDerivation.seed(7, 4, 11, 2));
        seeds.add(SeedDerivation.seed(7, 3, 12, 2));
        seeds.add(SeedDerivation.seed(7, 3, 11, 3));
        seeds.add(SeedDerivation.seed(7, 11, 3, 2));
        assertEquals(6, seeds.size());
        assertEquals(SeedDerivation.seed(7, 3, "q-17", 2), SeedDerivation.seed(7, 3, "q-17", 2));
        assertNotEquals(SeedDerivation.seed(7, 3, "q-17", 2), SeedDerivation.seed(7, 3, "q-18", 2));
    }

    @Test
    void uniformsLieInTheUnitIntervalAndRepeatForASeed() {
        double[] u = SeedDerivation.uniforms(SeedDerivation.seed(1, 2, 3, 4), 1000);
        assertArrayEquals(u, SeedDerivation.uniforms(SeedDerivation.seed(1, 2, 3, 4), 1000));
        double mean = 0;
        for (double v : u) {
            assertTrue(v >= 0 && v < 1);
            mean += v / u.length;
        }
        assertEquals(0.5, mean, 0.05);
    }
}
