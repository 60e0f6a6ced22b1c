package io.cleave.env.tasks;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One tool call of a reference solution.
 *
 * @param tool the tool to call
 * @param argumentTemplate the argument, with {@code {name}} placeholders for values found by earlier steps
 * @param extractRegex where to find the outputs in the result content (capture groups, in order of
 *     {@code outputs}); empty: the whole content is the single output
 * @param outputs names of the values this step finds
 */
public record PlanStep(String tool, String argumentTemplate, String extractRegex, List<String> outputs)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Checks that the regex has one group per output. */
    public PlanStep {
        outputs = List.copyOf(outputs);
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("a plan step needs at least one output name");
        }
        int groups = extractRegex.isEmpty() ? 1 : Pattern.compile(extractRegex).matcher("").groupCount();
        if (groups != outputs.size()) {
            throw new IllegalArgumentException("plan step regex '" + extractRegex + "' has " + groups
                    + " groups but names " + outputs.size() + " outputs");
        }
    }

    /** A {@code calc} step whose whole result is the value {@code output}. */
    public static PlanStep calc(String expressionTemplate, String output) {
        return new PlanStep("calc", expressionTemplate, "", List.of(output));
    }

    /** A {@code search} step whose outputs are the groups of {@code regex} in the result. */
    public static PlanStep search(String queryTemplate, String regex, String... outputs) {
        return new PlanStep("search", queryTemplate, regex, List.of(outputs));
    }

    /** The outputs found in {@code resultContent}, or empty when the regex does not match. */
    public Optional<List<String>> extract(String resultContent) {
        if (extractRegex.isEmpty()) {
            return Optional.of(List.of(resultContent.strip()));
        }
        Matcher m = Pattern.compile(extractRegex).matcher(resultContent);
        if (!m.find()) {
            return Optional.empty();
        }
        String[] values = new String[outputs.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = m.group(i + 1);
        }
        return Optional.of(List.of(values));
    }
}
