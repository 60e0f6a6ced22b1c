package io.cleave.cli;

import io.cleave.model.ModelConfig;
import io.cleave.model.Policy;
import io.cleave.model.io.ModelDirectory;
import io.cleave.tokenizer.CharTokenizer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cleave init}: writes a randomly initialised model directory. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a randomly initialised model (character tokenizer) to a directory.")
final class InitCommand implements Callable<Integer> {

    @Option(names = "--preset", defaultValue = "small", description = "tiny | small | medium (default: ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--out", required = true, description = "output directory")
    Path out;

    @Option(names = "--seed", defaultValue = "0", description = "initialisation seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        ModelConfig config = ModelConfig.preset(preset, CharTokenizer.instance().vocabSize());
        try (Policy policy = Policy.initialize(config, CharTokenizer.instance(), seed)) {
            ModelDirectory.save(policy, out, null);
        }
        System.out.printf("wrote %s model (%,d parameters) to %s%n", preset, config.parameterCount(), out);
        return 0;
    }
}
