package io.cleave.env.tasks.arith;

import io.cleave.env.reward.AnswerMetric;
import io.cleave.env.reward.ArpoReward;
import io.cleave.env.tasks.Prompts;
import io.cleave.env.tasks.Split;
import io.cleave.env.tasks.Task;
import io.cleave.env.tasks.TaskSuite;
import io.cleave.env.tools.ToolSet;
import io.cleave.env.tools.calc.CalcTool;
import io.cleave.env.util.Options;
import io.cleave.env.util.StableHash;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The {@code arith} suite (options {@code difficulty}, {@code testFraction}; see {@link ArithConfig}). The problem
 * space is infinite: {@link #tasks} draws problems from {@code new Random(seed)} and keeps those whose prompt
 * hashes into the requested split, so splits are disjoint by construction and repeatable per seed. Tasks use
 * {@code calc}, the {@code arpo} reward and exact match; prompts are at most about 120 characters.
 */
public final class ArithSuite implements TaskSuite {

    /** Registry name. */
    public static final String NAME = "arith";

    private static final int ATTEMPTS_PER_TASK = 1_000;

    private final ArithConfig config;
    private final ArithProblemGenerator generator;

    /** The suite with {@code config}. */
    public ArithSuite(ArithConfig config) {
        this.config = config;
        this.generator = new ArithProblemGenerator(config);
    }

    /** The suite from string options. */
    public static ArithSuite fromOptions(Options options) {
        return new ArithSuite(ArithConfig.fromOptions(options));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int difficulty() {
        return config.difficulty();
    }

    @Override
    public List<Task> tasks(Split split, int count, long seed) {
        Random rnd = new Random(seed);
        Set<String> seen = new HashSet<>();
        List<Task> tasks = new ArrayList<>(count);
        long attempts = (long) ATTEMPTS_PER_TASK * Math.max(count, 1);
        while (tasks.size() < count) {
            if (attempts-- == 0) {
                throw new IllegalStateException("arith could not find " + count + " distinct " + split
                        + " problems at difficulty " + config.difficulty());
            }
            ArithProblem problem = generator.next(rnd);
            String prompt = Prompts.question(problem.question());
            if (Split.of(prompt, config.testFraction()) == split && seen.add(prompt)) {
                tasks.add(new Task(NAME + "-" + Long.toHexString(StableHash.of(prompt)), prompt,
                        Long.toString(problem.answer()), List.of(CalcTool.NAME), ArpoReward.NAME, AnswerMetric.EXACT,
                        problem.plan()));
            }
        }
        return tasks;
    }

    @Override
    public ToolSet tools() {
        return ToolSet.of(new CalcTool());
    }
}
