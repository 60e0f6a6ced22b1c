package io.cleave.train.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a YAML config file into canonical key/value settings, each with its {@code FILE:LINE} origin.
 *
 * <p>Sections nest ({@code optim: {lr: 3e-4}}) and keys may also be dotted at any level ({@code optim.lr: 3e-4},
 * {@code algorithm: {branch.budget: 16}}). Every scalar is read as the text written, so values follow the same rules
 * as {@code --set} ({@code off} stays {@code off}, {@code 3e-4} is a number); a list of scalars is read as its
 * items joined by commas. The file is only composed into a node tree, never constructed into objects, with the
 * limits of {@link LoaderOptions} (aliases, nesting depth) set low. Syntax errors, non-text keys, unknown keys and
 * keys set twice fail with the file and line.
 */
final class YamlSettingsReader {

    private static final int MAX_ALIASES = 20;
    private static final int MAX_NESTING = 20;

    private YamlSettingsReader() {}

    /** The settings of {@code file}, in file order. */
    static Map<String, ConfigValue> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file not found: " + file);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        Node root;
        try {
            root = yaml().compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? file.toString() : file + ":" + (mark.getLine() + 1) + ":"
                    + (mark.getColumn() + 1);
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            throw new ConfigException(where + ": YAML syntax error: " + e.getProblem() + context);
        } catch (YAMLException e) {
            throw new ConfigException(file + ": YAML error: " + e.getMessage());
        }
        Map<String, ConfigValue> settings = new LinkedHashMap<>();
        if (root == null) {
            return settings;
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new ConfigException(origin(file, root) + ": the top level must be a mapping of sections "
                    + TrainConfigKeys.SECTIONS);
        }
        flatten(file, "", mapping, settings);
        return settings;
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setAllowRecursiveKeys(false);
        return new Yaml(new SafeConstructor(options));
    }

    private static void flatten(Path file, String prefix, MappingNode mapping, Map<String, ConfigValue> settings) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                throw new ConfigException(origin(file, tuple.getKeyNode()) + ": keys must be plain text");
            }
            String key = prefix.isEmpty() ? keyNode.getValue() : prefix + "." + keyNode.getValue();
            String origin = origin(file, keyNode);
            Node value = tuple.getValueNode();
            if (value instanceof MappingNode nested) {
                flatten(file, key, nested, settings);
            } else if (value instanceof SequenceNode list) {
                put(key, new ConfigValue(joined(file, key, list), origin), settings);
            } else if (value instanceof ScalarNode scalar && !(scalar.getValue().isEmpty() && isContainer(key))) {
                put(key, new ConfigValue(scalar.getValue(), origin), settings);
            }
        }
    }

    /** Whether {@code key} holds other keys, so that an empty value there ({@code run:}) means "nothing set". */
    private static boolean isContainer(String key) {
        return TrainConfigKeys.SECTIONS.contains(key) || (TrainConfigKeys.TASK_OPTIONS_PREFIX).equals(key + ".");
    }

    private static String joined(Path file, String key, SequenceNode list) {
        List<String> items = new ArrayList<>();
        for (Node item : list.getValue()) {
            if (!(item instanceof ScalarNode scalar)) {
                throw new ConfigException(origin(file, item) + ": " + key + " must be a value or a list of values");
            }
            items.add(scalar.getValue().trim());
        }
        return String.join(",", items);
    }

    private static void put(String key, ConfigValue value, Map<String, ConfigValue> settings) {
        String canonical = TrainConfigKeys.canonical(key, value.origin());
        ConfigValue earlier = settings.put(canonical, value);
        if (earlier != null) {
            throw new ConfigException(value.origin() + ": key " + canonical + " is set twice (also at "
                    + earlier.origin() + ")");
        }
    }

    private static String origin(Path file, Node node) {
        return file + ":" + (node.getStartMark().getLine() + 1);
    }
}
