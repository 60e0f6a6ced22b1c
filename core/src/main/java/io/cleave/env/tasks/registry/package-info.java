/**
 * Task suites by name ({@link io.cleave.env.tasks.registry.TaskSuiteRegistry}). It sits beside the suites it
 * creates, so the suite interfaces do not depend on their implementations.
 */
package io.cleave.env.tasks.registry;
