/**
 * Supervised fine-tuning on demonstrations: token sequences with a loss mask that marks the policy's own tokens
 * (tool calls, reasoning, answers) as targets and leaves prompts and tool results as context. The trainer
 * minimises the mean negative log-likelihood of the target tokens with AdamW, a learning-rate schedule and
 * global-norm clipping, writes atomic checkpoints, and resumes from the newest one bit-for-bit.
 */
package io.cleave.train.sft;
