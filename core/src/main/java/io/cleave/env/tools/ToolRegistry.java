package io.cleave.env.tools;

import io.cleave.env.tools.calc.CalcTool;
import io.cleave.env.tools.search.SearchTool;
import io.cleave.env.util.Options;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Creates tools by name from string options. Adding a tool is one class with a {@code fromOptions(Options)}
 * factory and one line in {@link #FACTORIES}.
 *
 * <ul>
 *   <li>{@code calc}: exact rational arithmetic; no options.
 *   <li>{@code search}: BM25 over a JSONL corpus; options {@code corpus} or {@code index}, {@code topK},
 *       {@code snippetChars}.
 * </ul>
 */
public final class ToolRegistry {

    private static final Map<String, Function<Options, Tool>> FACTORIES = new TreeMap<>(Map.of(
            CalcTool.NAME, CalcTool::fromOptions,
            SearchTool.NAME, SearchTool::fromOptions));

    private ToolRegistry() {}

    /**
     * Creates the tool called {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones) or bad options
     */
    public static Tool create(String name, Map<String, String> options) {
        Function<Options, Tool> factory = FACTORIES.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown tool '" + name + "'; known tools: " + names());
        }
        return factory.apply(Options.of(options));
    }

    /** The registered tool names, sorted. */
    public static Set<String> names() {
        return FACTORIES.keySet();
    }
}
