/**
 * Integration tests across modules ({@code *IT}, run by failsafe), with their fixtures (batches, warm starts, data
 * sets, fault injectors, listeners such as {@link io.cleave.tests.IterationSampler}, which samples the JVM's memory,
 * file descriptors, broadcasts and persisted RDDs after every iteration for the load test). The clusters, JVMs and
 * repository files they run on come from {@link io.cleave.tests.harness}.
 */
package io.cleave.tests;
