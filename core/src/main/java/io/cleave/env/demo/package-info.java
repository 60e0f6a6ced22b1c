/**
 * Demonstrations: a scripted expert ({@link io.cleave.env.demo.ScriptedExpert}) that solves a task by following
 * its plan and really calling the tools through a {@link io.cleave.env.protocol.ToolEnvironment}, with
 * configurable noise ({@link io.cleave.env.demo.ExpertNoise}) so that demonstrations are imperfect the way real
 * agents are.
 */
package io.cleave.env.demo;
