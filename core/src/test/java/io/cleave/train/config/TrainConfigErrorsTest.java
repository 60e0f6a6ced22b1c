package io.cleave.train.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every error names the key, the value, where it was set and what is allowed. */
class TrainConfigErrorsTest {

    @TempDir
    Path tmp;

    private Path yaml(String text) throws Exception {
        Path file = tmp.resolve("bad.yaml");
        Files.writeString(file, text);
        return file;
    }

    private static String setError(String... sets) {
        return assertThrows(ConfigException.class, () -> TrainConfig.fromSets(List.of(sets))).getMessage();
    }

    private static String loadError(Path file, String... sets) {
        return assertThrows(ConfigException.class, () -> TrainConfig.load(file, List.of(sets))).getMessage();
    }

    @Test
    void unknownKeyListsItsSectionAndTheNearestKey() throws Exception {
        Path file = yaml("run:\n  seed: 1\noptim:\n  lr: 1e-4\n  lrr: 2e-4\n");
        assertEquals("unknown key 'optim.lrr' (" + file + ":5); known keys of section optim: [optim.lr, "
                + "optim.warmup-steps, optim.weight-decay, optim.grad-clip, optim.beta1, optim.beta2, optim.eps, "
                + "optim.max-nonfinite-steps]; "
                + "did you mean optim.lr?", loadError(file));
    }

    @Test
    void unknownSectionListsTheSections() {
        assertEquals("unknown key 'optm.lr' (--set); known sections: [run, model, task, rollout, env, optim, update, "
                + "checkpoint, spark, algorithm]; did you mean optim.lr?", setError("optm.lr=1"));
        String far = setError("nothing.here=1");
        assertTrue(far.startsWith("unknown key 'nothing.here' (--set); known sections: ["), far);
        assertTrue(!far.contains("did you mean"), far);
    }

    @Test
    void unknownAlgorithmKeyListsTheAlgorithmKeys() {
        String message = setError("algorithm.branch.budgit=3");
        assertTrue(message.startsWith("unknown key 'algorithm.branch.budgit' (--set); known keys of section "
                + "algorithm: [algorithm.recipe, algorithm.segmenter, "), message);
        assertTrue(message.endsWith("did you mean algorithm.branch.budget?"), message);
    }

    @Test
    void badValuesNameKeyValueOriginAndRange() throws Exception {
        assertEquals("run.iterations = '0' (--set): run.iterations must be >= 1, got 0", setError("run.iterations=0"));
        assertEquals("run.iterations = 'ten' (--set): not an integer", setError("run.iterations=ten"));
        assertEquals("optim.lr = '-1' (--set): learning_rate must be > 0, got -1.0", setError("optim.lr=-1"));
        assertEquals("env.max-result-chars = '5' (--set): EnvLimits.maxResultChars must be in [20, 1000000], got 5",
                setError("env.max-result-chars=5"));
        assertEquals("rollout.top-p = '1.5' (--set): top_p must be in (0, 1], got 1.5", setError("rollout.top-p=1.5"));
        assertEquals("update.mode = 'gpu' (--set): update.mode must be one of [driver, data-parallel], got 'gpu'",
                setError("update.mode=gpu"));
        assertEquals("task.suite = 'chess' (--set): task.suite must be one of [arith, jsonl, multihop], got 'chess'",
                setError("task.suite=chess"));
        assertEquals("algorithm.recipe = 'ppo' (--set): unknown recipe 'ppo'; known: [arpo, dapo, gpg, grpo, "
                + "reinforce++, token-pg]", setError("algorithm.recipe=ppo"));
        Path file = yaml("optim:\n  warmup-steps: 1\n  grad-clip: -2\n");
        assertEquals("optim.grad-clip = '-2' (" + file + ":3): optim.grad-clip must be finite and > 0, or 0 for no "
                + "clipping, got -2.0", loadError(file));
    }

    @Test
    void badAlgorithmValuesNameTheFullKey() {
        assertEquals("algorithm.loss.eps-low = '1.5' (--set): loss.eps-low must be in (0, 1), got 1.5",
                setError("algorithm.loss.eps-low=1.5"));
        assertEquals("algorithm.branch.budget = '4' (--set): branch.budget (M) = 4 must be >= "
                + "branch.initial-samples (N) = 8", setError("algorithm.branch.m=4"));
        assertEquals("algorithm.kl.coef = 'much' (--set): kl.coef: 'much' is not a number",
                setError("algorithm.kl.coef=much"));
    }

    @Test
    void valuesWrongOnlyTogetherAreListedTogether() {
        assertEquals("algorithm: kl.placement = reward needs estimator reinforce++ (the only one with per-token "
                + "rewards), got estimator gpg-prefix; use kl.placement = loss; set: "
                + "algorithm.kl.placement = 'reward' (--set), algorithm.kl.coef = '0.1' (--set)",
                setError("algorithm.kl.placement=reward", "algorithm.kl.coef=0.1"));
    }

    @Test
    void yamlSyntaxErrorsNameFileLineAndColumn() throws Exception {
        Path file = yaml("run:\n  seed: 1\n  dir: a: b\noptim:\n  lr: 1\n");
        assertEquals(file + ":3:9: YAML syntax error: mapping values are not allowed here", loadError(file));
        Path unclosed = yaml("run:\n  dir: [unclosed\noptim:\n  lr: 1\n");
        assertTrue(loadError(unclosed).startsWith(unclosed + ":3:6: YAML syntax error: expected ',' or ']'"),
                loadError(unclosed));
        Path tabs = yaml("run:\n\tseed: 1\n");
        assertTrue(loadError(tabs).startsWith(tabs + ":2:1: YAML syntax error: "), loadError(tabs));
    }

    @Test
    void structuralYamlErrorsNameFileAndLine() throws Exception {
        Path twice = yaml("optim:\n  lr: 1e-4\noptim.lr: 2e-4\n");
        assertEquals(twice + ":3: key optim.lr is set twice (also at " + twice + ":2)", loadError(twice));
        Path list = yaml("- run\n- optim\n");
        assertTrue(loadError(list).startsWith(list + ":1: the top level must be a mapping of sections"));
        Path nestedList = yaml("algorithm:\n  segmenter.tools:\n    - {a: 1}\n");
        assertEquals(nestedList + ":3: algorithm.segmenter.tools must be a value or a list of values",
                loadError(nestedList));
        assertEquals("config file not found: " + tmp.resolve("none.yaml"), loadError(tmp.resolve("none.yaml")));
    }

    @Test
    void malformedSetAndOverrideKeysFail() {
        assertEquals("--set 'optim.lr' must have the form key=value, e.g. optim.lr=3e-4", setError("optim.lr"));
        assertEquals("--set '=3' must have the form key=value, e.g. optim.lr=3e-4", setError("=3"));
        ConfigException e = assertThrows(ConfigException.class,
                () -> TrainConfig.defaults().with(Map.of("run.iterations", "-3")));
        assertEquals("run.iterations = '-3' (override): run.iterations must be >= 1, got -3", e.getMessage());
    }
}
