package io.cleave.algo.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.rollout.branch.BranchParams;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecipesTest {

    @Test
    void allPresetsAreRegistered() {
        assertEquals(List.of("arpo", "dapo", "gpg", "grpo", "reinforce++", "token-pg"), Recipes.names());
    }

    @Test
    void grpoPreset() {
        AlgorithmConfig c = Recipes.get("grpo");
        assertEquals("sequence", c.segmenter());
        assertEquals("grpo", c.estimator());
        assertEquals("seq-mean-token-mean", c.aggregation());
        assertEquals(0.04, c.lossConfig().klCoef());
        assertEquals("k3", c.lossConfig().klEstimator());
        assertEquals(0, c.rewardKlCoef());
    }

    @Test
    void dapoPreset() {
        AlgorithmConfig c = Recipes.get("dapo");
        assertEquals(0.2, c.epsLow());
        assertEquals(0.28, c.epsHigh());
        assertEquals("token-mean", c.aggregation());
        assertTrue(c.dynamicSampling());
        assertEquals(-0.5, c.overlongShaping().orElseThrow().penalty(448), 1e-12);
        assertEquals(0, c.lossConfig().klCoef());
    }

    @Test
    void reinforcePlusPlusPutsTheKlInTheReward() {
        AlgorithmConfig c = Recipes.get("reinforce++");
        assertEquals("reinforce++", c.newEstimator().name());
        assertEquals(0.01, c.rewardKlCoef());
        assertEquals(0, c.lossConfig().klCoef());
    }

    @Test
    void arpoPresetMatchesThePublishedSettings() {
        AlgorithmConfig c = Recipes.get("arpo");
        assertEquals("marker", c.newSegmenter().name());
        assertEquals("arpo", c.newBranchPolicy().name());
        assertEquals(new BranchParams(8, 16, 1, 0.5, 0.2, 0.5, 20, "sampled"), c.branch());
        assertEquals("gpg-prefix", c.estimator());
        assertEquals(0.2, c.epsHigh());
        assertEquals(0, c.klCoef());
    }

    @Test
    void gpgAndTokenPgPresets() {
        AlgorithmConfig gpg = Recipes.get("gpg");
        assertEquals("marker", gpg.segmenter());
        assertEquals("boundary", gpg.branchPolicy());
        assertEquals("gpg-prefix", gpg.estimator());
        AlgorithmConfig tokenPg = Recipes.get("token-pg");
        assertEquals("token", tokenPg.segmenter());
        assertEquals("gpg-prefix", tokenPg.estimator());
    }

    @Test
    void presetsStayOverridable() {
        AlgorithmConfig c = Recipes.get("arpo").with("branch.tau", "0.7").with("estimator", "gpg-branch");
        assertEquals(0.7, c.branch().tau());
        assertEquals("gpg-branch", c.estimator());
        assertEquals("arpo", c.branchPolicy());
    }

    @Test
    void unknownRecipeListsKnownNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Recipes.get("ppo"));
        assertEquals("unknown recipe 'ppo'; known: [arpo, dapo, gpg, grpo, reinforce++, token-pg]", e.getMessage());
    }
}
