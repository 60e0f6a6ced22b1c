package io.cleave.env.tasks;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference solution a scripted expert follows: tool calls whose arguments may use values found by earlier
 * calls, then an answer built from those values. Example (arith):
 * {@code calc "7*12" -> v1; calc "{v1}+15" -> v2; answer "{v2}"}.
 *
 * @param steps the tool calls, in order (empty for a direct answer)
 * @param answerTemplate the answer, with {@code {name}} placeholders
 * @param numericAnswer whether the answer is a number (guides a guessing expert)
 */
public record Plan(List<PlanStep> steps, String answerTemplate, boolean numericAnswer) implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    /** Copies the steps. */
    public Plan {
        steps = List.copyOf(steps);
    }

    /** A plan that answers {@code answer} without tools. */
    public static Plan direct(String answer, boolean numeric) {
        return new Plan(List.of(), answer, numeric);
    }

    /** {@code template} with each {@code {name}} of a known value replaced; unknown placeholders stay as written. */
    public static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
