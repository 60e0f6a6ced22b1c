package io.cleave.env.tools.calc;

import io.cleave.env.tools.Tool;
import io.cleave.env.util.Options;
import java.util.Set;

/**
 * The {@code calc} tool: {@code <calc>7*12+1/2</calc>} gives {@code <result>169/2</result>}. Exact over rationals
 * (see {@link CalcParser} for the grammar and {@link Rational} for the output form). Stateless and thread-safe.
 */
public final class CalcTool implements Tool {

    /** The tool's tag name. */
    public static final String NAME = "calc";

    /** Creates the tool; {@code calc} takes no options. */
    public static CalcTool fromOptions(Options options) {
        options.requireKnown(Set.of(), Set.of(), "tool calc");
        return new CalcTool();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String run(String argument) throws CalcException {
        return CalcParser.evaluate(argument).toString();
    }
}
