package io.cleave.env.tools;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The tools an environment exposes, by name. Immutable. */
public final class ToolSet {

    private static final Pattern NAME = Pattern.compile("[a-z]+");
    private static final Set<String> RESERVED = Set.of("think", "answer", "result");

    private final Map<String, Tool> byName;

    private ToolSet(Map<String, Tool> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /**
     * A set of the given tools.
     *
     * @throws IllegalArgumentException if a name is not lowercase letters, is reserved, or appears twice
     */
    public static ToolSet of(Collection<? extends Tool> tools) {
        Map<String, Tool> map = new TreeMap<>();
        for (Tool tool : tools) {
            String name = tool.name();
            if (!NAME.matcher(name).matches() || RESERVED.contains(name)) {
                throw new IllegalArgumentException("tool name must be lowercase letters and not one of " + RESERVED
                        + ", got '" + name + "'");
            }
            if (map.put(name, tool) != null) {
                throw new IllegalArgumentException("tool '" + name + "' added twice");
            }
        }
        return new ToolSet(map);
    }

    /** A set of the given tools. */
    public static ToolSet of(Tool... tools) {
        return of(List.of(tools));
    }

    /** The tool names, sorted. */
    public Set<String> names() {
        return byName.keySet();
    }

    /** The tool called {@code name}, if present. */
    public Optional<Tool> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    @Override
    public String toString() {
        return "ToolSet" + names();
    }
}
