/** The typed metrics of a training iteration: rollout statistics, update metrics, phase times. */
package io.cleave.train.metrics;
