package io.cleave.algo.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlgorithmConfigTest {

    private static String error(AlgorithmConfig base, String key, String value) {
        return assertThrows(IllegalArgumentException.class, () -> base.with(key, value)).getMessage();
    }

    @Test
    void defaultsAreGrpoLikeAndValid() {
        AlgorithmConfig d = AlgorithmConfig.defaults();
        assertEquals("sequence", d.segmenter());
        assertEquals("none", d.branchPolicy());
        assertEquals("grpo", d.estimator());
        assertEquals(0.2, d.epsLow());
        assertEquals("token-mean", d.aggregation());
        assertTrue(d.overlongShaping().isEmpty());
        assertEquals(8, d.newBranchPolicy().initialSamples());
    }

    @Test
    void epsOutsideTheOpenUnitIntervalNamesTheKeyAndRange() {
        assertEquals("loss.eps-low must be in (0, 1), got 1.5", error(AlgorithmConfig.defaults(), "loss.eps-low",
                "1.5"));
        assertEquals("loss.eps-high must be in (0, 1), got 0.0", error(AlgorithmConfig.defaults(), "loss.eps-high",
                "0"));
    }

    @Test
    void budgetBelowInitialSamplesNamesBothKeys() {
        assertEquals("branch.budget (M) = 4 must be >= branch.initial-samples (N) = 8",
                error(Recipes.get("arpo"), "branch.m", "4"));
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        assertEquals("estimator must be one of [dr-grpo, gpg-branch, gpg-prefix, grpo, reinforce++, rloo], got "
                + "'ppo'", error(AlgorithmConfig.defaults(), "estimator", "ppo"));
        assertTrue(error(AlgorithmConfig.defaults(), "segmenter", "words")
                .startsWith("segmenter must be one of [entropy, marker, paragraph, sequence, token]"));
        assertTrue(error(AlgorithmConfig.defaults(), "loss.aggregation", "sum").startsWith("loss.aggregation"));
        String unknownKey = error(AlgorithmConfig.defaults(), "loss.epsilon", "0.1");
        assertTrue(unknownKey.startsWith("unknown algorithm key 'loss.epsilon'; known: [segmenter, "), unknownKey);
    }

    @Test
    void badValuesNameTheKey() {
        assertEquals("branch.width: 'two' is not an integer", error(AlgorithmConfig.defaults(), "branch.width", "two"));
        assertEquals("dynamic-sampling: 'maybe' is not a boolean (true/false, on/off, yes/no)",
                error(AlgorithmConfig.defaults(), "dynamic-sampling", "maybe"));
        assertTrue(error(AlgorithmConfig.defaults(), "train.ppo-epochs", "0").startsWith("train.ppo-epochs"));
        assertTrue(error(AlgorithmConfig.defaults(), "overlong.max-length", "100")
                .startsWith("overlong.buffer must be in [1, overlong.max-length = 100]"));
        assertEquals("kl.placement must be one of [loss, reward], got 'both'",
                error(AlgorithmConfig.defaults(), "kl.placement", "both"));
    }

    @Test
    void rewardKlNeedsReinforcePlusPlus() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> AlgorithmConfig.defaults().with(Map.of("kl.coef", "0.1", "kl.placement", "reward")))
                .getMessage();
        assertTrue(message.startsWith("kl.placement = reward needs estimator reinforce++"), message);
        String estimator = assertThrows(IllegalArgumentException.class,
                () -> Recipes.get("reinforce++").with("kl.estimator", "k3")).getMessage();
        assertTrue(estimator.startsWith("kl.estimator must be k1 when kl.placement = reward"), estimator);
    }

    @Test
    void keysAcceptCamelSnakeAndShortAliases() {
        AlgorithmConfig c = AlgorithmConfig.defaults()
                .with("loss.epsHigh", "0.3")
                .with("dynamic_sampling.max_rounds", "4")
                .with("branch.z", "3")
                .with("segmenter.entropy-threshold", "off")
                .with("loss.dual-clip", "3");
        assertEquals(0.3, c.epsHigh());
        assertEquals(4, c.dynamicSamplingMaxRounds());
        assertEquals(3, c.branch().width());
        assertEquals(Double.POSITIVE_INFINITY, c.segmenterParams().entropy().threshold());
        assertEquals(3.0, c.dualClip());
        assertEquals(0.0, c.with("loss.dual-clip", "off").dualClip());
    }

    @Test
    void mapOverridesAreValidatedTogether() {
        AlgorithmConfig c = AlgorithmConfig.defaults().with(Map.of("branch.n", "20", "branch.m", "24"));
        assertEquals(20, c.branch().initialSamples());
        assertEquals(24, c.branch().budget());
        assertThrows(IllegalArgumentException.class, () -> AlgorithmConfig.defaults().with("branch.n", "20"));
    }

    @Test
    void toMapRoundTripsEveryKey() {
        for (String recipe : Recipes.names()) {
            AlgorithmConfig c = Recipes.get(recipe);
            Map<String, String> m = c.toMap();
            assertEquals(AlgorithmConfigKeys.KEYS, List.copyOf(m.keySet()));
            assertEquals(c, AlgorithmConfig.defaults().with(m), recipe);
        }
    }

    @Test
    void toolListOverride() {
        AlgorithmConfig c = AlgorithmConfig.defaults().with("segmenter.tools", "calc, search ,browse");
        assertEquals(List.of("calc", "search", "browse"), c.segmenterParams().toolTags());
        assertFalse(c.with("segmenter.tools", "").segmenterParams().toolTags().contains("calc"));
    }
}
