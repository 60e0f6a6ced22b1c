package io.cleave.train.config;

import io.cleave.algo.recipe.AlgorithmConfig;
import io.cleave.algo.recipe.Recipes;
import java.util.Objects;

/**
 * The RL algorithm: a named recipe and the configuration it resolved to after the {@code algorithm.*} overrides.
 *
 * @param recipe a {@link Recipes} name (key {@code algorithm.recipe})
 * @param config {@link Recipes#get(String)} of the recipe with the overrides applied by
 *     {@link AlgorithmConfig#with(java.util.Map)} (keys {@code algorithm.K} for every K of
 *     {@link io.cleave.algo.recipe.AlgorithmConfigKeys#KEYS})
 */
public record AlgorithmSettings(String recipe, AlgorithmConfig config) {

    /** The recipe used when none is configured. */
    public static final String DEFAULT_RECIPE = "gpg";

    /** The {@value #DEFAULT_RECIPE} recipe without overrides. */
    public static AlgorithmSettings defaults() {
        return new AlgorithmSettings(DEFAULT_RECIPE, Recipes.get(DEFAULT_RECIPE));
    }

    /** Validates the recipe name; the message lists the known ones. */
    public AlgorithmSettings {
        if (recipe == null || !Recipes.names().contains(recipe)) {
            throw new IllegalArgumentException("algorithm.recipe must be one of " + Recipes.names() + ", got '"
                    + recipe + "'");
        }
        Objects.requireNonNull(config, "algorithm config");
    }
}
