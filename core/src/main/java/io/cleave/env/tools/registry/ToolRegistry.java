package io.cleave.env.tools.registry;

import io.cleave.env.tools.Tool;
import io.cleave.env.tools.ToolProvider;
import io.cleave.env.tools.calc.CalcTool;
import io.cleave.env.tools.search.SearchTool;
import io.cleave.env.util.Options;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Creates tools by name from string options. Adding a built-in tool is one class with a
 * {@code fromOptions(Options)} factory and one line in {@link #builtIns()}; a jar can add tools through
 * {@link ToolProvider} (found with {@link ServiceLoader} in the context class loader when this class is first used).
 *
 * <ul>
 *   <li>{@code calc}: exact rational arithmetic; no options.
 *   <li>{@code search}: BM25 over a JSONL corpus; options {@code corpus} or {@code index}, {@code topK},
 *       {@code snippetChars}.
 * </ul>
 */
public final class ToolRegistry {

    private static final Map<String, Function<Options, Tool>> FACTORIES = factories();

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

    private static Map<String, Function<Options, Tool>> builtIns() {
        return Map.of(CalcTool.NAME, CalcTool::fromOptions, SearchTool.NAME, SearchTool::fromOptions);
    }

    private static Map<String, Function<Options, Tool>> factories() {
        Map<String, Function<Options, Tool>> all = new TreeMap<>(builtIns());
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (ToolProvider provider : ServiceLoader.load(ToolProvider.class,
                loader != null ? loader : ToolRegistry.class.getClassLoader())) {
            if (all.putIfAbsent(provider.name(), provider::create) != null) {
                throw new IllegalStateException("tool provider " + provider.getClass().getName()
                        + " registers '" + provider.name() + "', which is already a tool");
            }
        }
        return all;
    }
}
