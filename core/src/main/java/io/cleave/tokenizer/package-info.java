/**
 * Tokenizers: a character tokenizer for the built-in task suites and Hugging Face {@code tokenizer.json} files
 * through DJL's tokenizers package, behind one {@link io.cleave.tokenizer.Tokenizer} interface.
 */
package io.cleave.tokenizer;
