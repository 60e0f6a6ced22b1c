/**
 * Algorithm configuration and named recipes.
 *
 * <p>{@link io.cleave.algo.recipe.AlgorithmConfig} is the one immutable, validated record holding every algorithm
 * knob (segmenter, branch policy, estimator, loss, KL, DAPO filters, PPO epochs); its defaults are defined once in
 * {@link io.cleave.algo.recipe.AlgorithmConfig#defaults()}. Any knob is overridable by key
 * ({@link io.cleave.algo.recipe.AlgorithmConfig#with(String, String)}; keys listed in
 * {@link io.cleave.algo.recipe.AlgorithmConfigKeys}). {@link io.cleave.algo.recipe.Recipes} holds the presets
 * {@code grpo}, {@code dapo}, {@code reinforce++}, {@code token-pg}, {@code arpo}, {@code gpg}, each a set of key
 * overrides over the defaults.
 */
package io.cleave.algo.recipe;
