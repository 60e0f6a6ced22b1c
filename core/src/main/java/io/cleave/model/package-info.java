/**
 * The Transformer policy: a Llama/Qwen2-style decoder written as DJL blocks (RMSNorm, rotary embedding,
 * grouped-query attention, SwiGLU), a scoring path that returns per-token log-probs and entropies, and an
 * incremental decoding path with a forkable KV cache and reproducible sampling.
 */
package io.cleave.model;
