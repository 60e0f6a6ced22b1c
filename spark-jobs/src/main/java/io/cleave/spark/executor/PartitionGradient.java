package io.cleave.spark.executor;

import io.cleave.train.update.LossGradient;
import java.io.Serializable;

/**
 * What one partition of a data-parallel update step returns to the driver.
 *
 * @param partition index of the partition (the driver sums in this order)
 * @param gradients gradient and metric sums of the partition's rows
 */
public record PartitionGradient(int partition, LossGradient gradients) implements Serializable {

    private static final long serialVersionUID = 1L;
}
