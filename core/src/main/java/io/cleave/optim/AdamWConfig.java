package io.cleave.optim;

/**
 * Hyper-parameters of {@link AdamW}.
 *
 * @param learningRate peak step size (the schedule scales it per step)
 * @param beta1 decay of the first-moment average
 * @param beta2 decay of the second-moment average
 * @param epsilon added to the root of the second moment
 * @param weightDecay decoupled decay {@code lambda}; not applied to norms and biases
 */
public record AdamWConfig(double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {

    /** The defaults used unless a config says otherwise. */
    public static final AdamWConfig DEFAULT = new AdamWConfig(1e-4, 0.9, 0.999, 1e-8, 0.01);

    /** Validates the ranges; messages name the field. */
    public AdamWConfig {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning_rate must be > 0, got " + learningRate);
        }
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta2 must be in [0, 1), got " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("weight_decay must be >= 0, got " + weightDecay);
        }
    }

    /** A copy with another peak learning rate. */
    public AdamWConfig withLearningRate(double lr) {
        return new AdamWConfig(lr, beta1, beta2, epsilon, weightDecay);
    }
}
