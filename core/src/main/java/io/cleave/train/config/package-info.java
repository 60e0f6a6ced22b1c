/**
 * The configuration of a training run.
 *
 * <p>{@link io.cleave.train.config.TrainConfig} is one validated record made of section records ({@code run},
 * {@code model}, {@code task}, {@code rollout}, {@code env}, {@code optim}, {@code update}, {@code checkpoint},
 * {@code spark}, {@code algorithm}). It is loaded from a YAML file plus {@code --set key=value} overrides with
 * dotted keys ({@code optim.lr=3e-4}, {@code algorithm.branch.m=16}), checked before any work starts (unknown keys
 * fail with the known keys of their section and the nearest matches; bad values fail with key, value, origin and
 * the allowed range), and written back as YAML with every effective value so that a run directory records exactly
 * what ran. {@link io.cleave.train.config.TrainConfigKeys} is the key table; the defaults are the section records'
 * {@code defaults()}.
 */
package io.cleave.train.config;
