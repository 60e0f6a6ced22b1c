/**
 * Batch filters and reward shaping from DAPO: dynamic sampling's informative-group rule
 * ({@link io.cleave.algo.filter.DynamicSampling}) and overlong reward shaping
 * ({@link io.cleave.algo.filter.OverlongShaping}).
 */
package io.cleave.algo.filter;
