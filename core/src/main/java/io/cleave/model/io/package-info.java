/**
 * Model directories: Cleave's own checkpoints and Hugging Face Llama/Qwen2 directories share one layout
 * ({@code config.json}, safetensors weights, tokenizer files), read and written here with errors that name the
 * file and the problem.
 */
package io.cleave.model.io;
