package io.cleave.env.demo;

import io.cleave.env.protocol.StepResult;
import io.cleave.env.protocol.Tags;
import io.cleave.env.protocol.ToolEnvironment;
import io.cleave.env.tasks.Plan;
import io.cleave.env.tasks.PlanStep;
import io.cleave.env.tasks.Prompts;
import io.cleave.env.tasks.Task;
import io.cleave.env.util.StableHash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes demonstrations by following a task's {@link Plan}: for each step it fills the argument from the values
 * found so far, writes {@code <tool>argument</tool>}, lets the environment append the result (the same
 * {@link ToolEnvironment#step} a rollout uses), and reads the step's values out of the result. It ends with
 * {@code <answer>...</answer>}. When a step yields nothing usable (an error, or a result without the expected
 * fact) it stops and guesses.
 *
 * <p>Noise ({@link ExpertNoise}), drawn per step in a fixed order: skip the call and guess; issue a wrong call;
 * slip an operand. A guess is a random number (numeric answers) or capitalised name (others) seen in the prompt
 * (after its first word) or in the results so far. All randomness comes from {@code seed} and the task id, so a
 * demonstration is reproducible. Thread-safe if the environment is.
 */
public final class ScriptedExpert {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:/\\d+)?");
    private static final Pattern NAME = Pattern.compile("[A-Z][a-z]+");
    private static final String NO_GUESS_NUMBER = "0";
    private static final String NO_GUESS_NAME = "unknown";

    private final ToolEnvironment env;
    private final ExpertNoise noise;

    /** An expert calling tools through {@code env} with {@code noise}. */
    public ScriptedExpert(ToolEnvironment env, ExpertNoise noise) {
        this.env = env;
        this.noise = noise;
    }

    /** A demonstration for {@code task}, the same for the same seed. */
    public Demonstration demonstrate(Task task, long seed) {
        Random rnd = new Random(StableHash.mix(seed ^ StableHash.of(task.id())));
        StringBuilder trajectory = new StringBuilder();
        StringBuilder seen = new StringBuilder(questionBody(task.prompt()));
        Map<String, String> values = new HashMap<>();
        int calls = 0;
        boolean guessed = false;
        for (PlanStep step : task.plan().steps()) {
            double skip = rnd.nextDouble();
            double wrong = rnd.nextDouble();
            double slip = rnd.nextDouble();
            if (skip < noise.skipToolProb()) {
                guessed = true;
                break;
            }
            String argument = Plan.fill(step.argumentTemplate(), values);
            if (wrong < noise.wrongCallProb()) {
                argument = CallCorruptor.wrongCall(step.tool(), argument, seen.toString(), rnd);
            }
            if (slip < noise.slipOperandProb()) {
                argument = CallCorruptor.slip(step.tool(), argument, rnd);
            }
            trajectory.append(Tags.wrap(step.tool(), argument));
            StepResult result = env.step(trajectory.toString());
            trajectory.append(result.text());
            calls++;
            seen.append('\n').append(result.content());
            Optional<List<String>> found = result.isError() ? Optional.empty() : step.extract(result.content());
            if (found.isEmpty()) {
                guessed = true;
                break;
            }
            for (int i = 0; i < step.outputs().size(); i++) {
                values.put(step.outputs().get(i), found.get().get(i));
            }
        }
        String answer = guessed ? guess(task.plan().numericAnswer(), seen.toString(), rnd)
                : Plan.fill(task.plan().answerTemplate(), values);
        trajectory.append(Tags.wrap(Tags.ANSWER, answer));
        return new Demonstration(task, trajectory.toString(), calls, guessed);
    }

    private static String guess(boolean numeric, String seen, Random rnd) {
        List<String> candidates = new ArrayList<>();
        Matcher m = (numeric ? NUMBER : NAME).matcher(seen);
        while (m.find()) {
            candidates.add(m.group());
        }
        if (candidates.isEmpty()) {
            return numeric ? NO_GUESS_NUMBER : NO_GUESS_NAME;
        }
        return candidates.get(rnd.nextInt(candidates.size()));
    }

    /** The prompt without its layout prefix and first word (a question word, not a candidate name). */
    private static String questionBody(String prompt) {
        String body = prompt.startsWith(Prompts.PREFIX) ? prompt.substring(Prompts.PREFIX.length()) : prompt;
        int space = body.indexOf(' ');
        return space < 0 ? "" : body.substring(space + 1);
    }
}
