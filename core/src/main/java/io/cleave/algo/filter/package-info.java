/**
 * Batch filters and reward shaping from DAPO: dynamic sampling ({@link io.cleave.algo.filter.DynamicSampling},
 * {@link io.cleave.algo.filter.ResamplingBudget}) and overlong reward shaping
 * ({@link io.cleave.algo.filter.OverlongShaping}).
 */
package io.cleave.algo.filter;
