/**
 * Rewards of finished trajectories: one {@link io.cleave.env.reward.Reward} interface, one input record
 * ({@link io.cleave.env.reward.RewardInput}), one registry ({@link io.cleave.env.reward.RewardRegistry}) with
 * {@code arpo}, {@code exact-match} and {@code f1}, and the answer metrics they share
 * ({@link io.cleave.env.reward.AnswerMetric}).
 */
package io.cleave.env.reward;
