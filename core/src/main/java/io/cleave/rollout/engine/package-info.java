/**
 * The rollout engine: every prompt of a batch sampled together in one batched decode with a forkable KV cache,
 * tool calls interleaved, macro-action beaming by a branch policy, and rewards scored per trajectory.
 */
package io.cleave.rollout.engine;
