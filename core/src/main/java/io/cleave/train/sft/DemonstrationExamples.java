package io.cleave.train.sft;

import io.cleave.env.demo.Demonstration;
import io.cleave.env.demo.ExpertNoise;
import io.cleave.env.demo.ScriptedExpert;
import io.cleave.env.protocol.EnvLimits;
import io.cleave.env.protocol.Span;
import io.cleave.env.protocol.ToolEnvironment;
import io.cleave.env.tasks.Split;
import io.cleave.env.tasks.Task;
import io.cleave.env.tasks.TaskSuite;
import io.cleave.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Supervised examples from the scripted expert: each train task is solved with the real tools, and the
 * demonstration becomes prompt + trajectory + end of text, with the loss on the policy's text only (prompt and
 * tool results are masked out).
 */
public final class DemonstrationExamples {

    private DemonstrationExamples() {}

    /**
     * Up to {@code count} examples from the suite's train split.
     *
     * @param noise how imperfect the expert is
     * @param seed task draw and expert seed
     */
    public static List<SftExample> of(TaskSuite suite, int count, ExpertNoise noise, long seed, Tokenizer tokenizer) {
        List<SftExample> examples = new ArrayList<>();
        try (ToolEnvironment env = new ToolEnvironment(suite.tools(), EnvLimits.defaults())) {
            ScriptedExpert expert = new ScriptedExpert(env, noise);
            long demoSeed = seed;
            for (Task task : suite.tasks(Split.TRAIN, count, seed)) {
                Demonstration demo = expert.demonstrate(task, demoSeed++);
                examples.add(example(task, demo, env, tokenizer));
            }
        }
        return examples;
    }

    private static SftExample example(Task task, Demonstration demo, ToolEnvironment env, Tokenizer tokenizer) {
        List<Integer> ids = new ArrayList<>();
        List<Boolean> mask = new ArrayList<>();
        for (int id : tokenizer.encode(task.prompt())) {
            ids.add(id);
            mask.add(false);
        }
        for (Span span : env.protocol().parser().parse(demo.trajectory()).spans()) {
            for (int id : tokenizer.encode(span.text())) {
                ids.add(id);
                mask.add(span.fromPolicy());
            }
        }
        ids.add(tokenizer.eosId());
        mask.add(true);
        int[] tokens = new int[ids.size()];
        boolean[] lossMask = new boolean[ids.size()];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = ids.get(i);
            lossMask[i] = mask.get(i);
        }
        return new SftExample(tokens, lossMask);
    }
}
