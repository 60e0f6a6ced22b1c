/**
 * Optimisation over NDArrays: AdamW with exportable state (for exact resume) and global-norm gradient clipping.
 */
package io.cleave.optim;
