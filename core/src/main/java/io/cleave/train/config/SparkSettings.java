package io.cleave.train.config;

/**
 * Where the Spark job runs.
 *
 * @param master the Spark master URL (key {@code spark.master}), for example {@code local[*]},
 *     {@code local-cluster[2,1,1024]} or {@code spark://host:7077}; not blank
 */
public record SparkSettings(String master) {

    /** {@code local[*]}: every core of this machine. */
    public static SparkSettings defaults() {
        return new SparkSettings("local[*]");
    }

    /** Validates the master; the message names the key. */
    public SparkSettings {
        if (master == null || master.isBlank()) {
            throw new IllegalArgumentException("spark.master must not be blank");
        }
    }
}
