package io.cleave.train.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes a {@link TrainConfig} as YAML with every key and its effective value, one block per section: the record of
 * what a run used. Values are written as plain text, quoted only where YAML needs it (a path containing
 * {@code ": "}); an unset {@code model.dir} is written as an empty value. Algorithm keys stay dotted inside
 * {@code algorithm:}; task options are nested under {@code task: options:}. Reading the file back gives an equal
 * config.
 */
final class TrainConfigWriter {

    private static final String HEADER = "# Cleave training config: every key with its effective value.\n"
            + "# Keys and defaults: cluster-conf/examples/README.md\n";
    private static final int LINE_WIDTH = 10_000;

    /** Leaves every scalar a string, so numbers and words alike are written without quotes. */
    private static final class TextResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            // no implicit types: the reader takes every scalar as text
        }
    }

    private TrainConfigWriter() {}

    /** The YAML text of {@code config}. */
    static String toYaml(TrainConfig config) {
        Map<String, Map<String, Object>> document = new LinkedHashMap<>();
        TrainConfigKeys.toMap(config).forEach((key, value) -> {
            int dot = key.indexOf('.');
            Map<String, Object> section = document.computeIfAbsent(key.substring(0, dot), s -> new LinkedHashMap<>());
            if (key.startsWith(TrainConfigKeys.TASK_OPTIONS_PREFIX)) {
                options(section).put(key.substring(TrainConfigKeys.TASK_OPTIONS_PREFIX.length()), value);
            } else {
                section.put(key.substring(dot + 1), value);
            }
        });
        DumperOptions dumper = new DumperOptions();
        dumper.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dumper.setIndent(2);
        dumper.setWidth(LINE_WIDTH);
        dumper.setSplitLines(false);
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(dumper), dumper,
                new TextResolver());
        return HEADER + yaml.dump(document);
    }

    /** Writes {@code config} to {@code file} atomically (a temporary sibling moved into place), creating folders. */
    static void write(TrainConfig config, Path file) {
        Path target = file.toAbsolutePath();
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(temporary, toYaml(config), StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write config " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> options(Map<String, Object> taskSection) {
        return (Map<String, Object>) taskSection.computeIfAbsent("options", k -> new LinkedHashMap<String, Object>());
    }
}
