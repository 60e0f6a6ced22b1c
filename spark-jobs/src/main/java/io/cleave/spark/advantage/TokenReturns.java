package io.cleave.spark.advantage;

import io.cleave.spark.rows.TrajectoryRow;
import java.io.Serializable;

/**
 * Bean row of {@code reinforce++}'s per-token returns of one trajectory (key columns as in {@link TrajectoryRow}).
 *
 * <p>For reward R, policy tokens get {@code r_t = -klCoef * (oldLogp_t - refLogp_t)} (dropped when klCoef is 0),
 * plus R on the last policy token; the return is {@code G_t = sum of r_s over policy tokens s >= t} (gamma 1),
 * summed from the end as core does. Tool-result tokens get 0.
 */
public class TokenReturns implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Column name of {@link #getReturns()}. */
    public static final String RETURNS = "returns";

    private int iteration;
    private String promptId;
    private int sampleIndex;
    private double[] returns;

    /** An empty row for Spark's bean encoder. */
    public TokenReturns() {
    }

    /**
     * The returns of one trajectory.
     *
     * @throws IllegalArgumentException when {@code klCoef > 0} and the row lacks log-probs of the right length
     */
    public static TokenReturns of(TrajectoryRow row, double klCoef) {
        boolean[] policy = row.getPolicyMask();
        float[] old = row.getOldLogp();
        float[] ref = row.getRefLogp();
        if (klCoef > 0 && (old == null || ref == null || old.length != policy.length
                || ref.length != policy.length)) {
            throw new IllegalArgumentException(row + ": reinforce++ with klCoef " + klCoef
                    + " needs oldLogp and refLogp with one value per token");
        }
        double[] returns = new double[policy.length];
        double running = 0;
        boolean last = true;
        for (int t = policy.length - 1; t >= 0; t--) {
            if (!policy[t]) {
                continue;
            }
            double reward = 0;
            if (klCoef > 0) {
                reward -= klCoef * (old[t] - ref[t]);
            }
            if (last) {
                reward += row.getReward();
                last = false;
            }
            running += reward;
            returns[t] = running;
        }
        TokenReturns out = new TokenReturns();
        out.setIteration(row.getIteration());
        out.setPromptId(row.getPromptId());
        out.setSampleIndex(row.getSampleIndex());
        out.setReturns(returns);
        return out;
    }

    /** Training iteration of the trajectory. */
    public int getIteration() {
        return iteration;
    }

    /** Sets {@link #getIteration()}. */
    public void setIteration(int iteration) {
        this.iteration = iteration;
    }

    /** Prompt group id of the trajectory. */
    public String getPromptId() {
        return promptId;
    }

    /** Sets {@link #getPromptId()}. */
    public void setPromptId(String promptId) {
        this.promptId = promptId;
    }

    /** Index of the trajectory in its group. */
    public int getSampleIndex() {
        return sampleIndex;
    }

    /** Sets {@link #getSampleIndex()}. */
    public void setSampleIndex(int sampleIndex) {
        this.sampleIndex = sampleIndex;
    }

    /** {@code G_t} per token, {@code (L)}, 0 on tool-result tokens. */
    public double[] getReturns() {
        return returns;
    }

    /** Sets {@link #getReturns()}. */
    public void setReturns(double[] returns) {
        this.returns = returns;
    }
}
