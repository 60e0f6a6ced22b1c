/**
 * Kryo serialization for Cleave's Spark jobs: {@link io.cleave.spark.kryo.CleaveKryoRegistrator} registers every
 * class Cleave ships between driver and executors, so jobs run with {@code spark.kryo.registrationRequired=true}.
 */
package io.cleave.spark.kryo;
