/**
 * Macro-action beaming: pure decision rules the rollout engine calls to decide where a prompt's rollouts branch.
 *
 * <p>A {@link io.cleave.rollout.branch.BranchPolicy} says how many independent samples to start with (N), the leaf
 * budget (M), how many continuations to fork at a {@link io.cleave.rollout.branch.BranchPoint} given uniform random
 * numbers, and how many fresh samples top a prompt up when every path ended early.
 * {@link io.cleave.rollout.branch.BranchPolicies} is the registry ({@code none}, {@code arpo}, {@code boundary});
 * {@link io.cleave.rollout.branch.SeedDerivation} derives the random numbers from (run seed, iteration, prompt,
 * branch) so that a re-run reproduces its trajectories.
 */
package io.cleave.rollout.branch;
