package io.cleave.cli;

import io.cleave.model.Generation;
import io.cleave.model.GenerationConfig;
import io.cleave.model.Generator;
import io.cleave.model.Policy;
import io.cleave.model.SamplingConfig;
import io.cleave.model.io.ModelDirectory;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cleave generate}: samples a continuation of a prompt and prints it. */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Sample a continuation of a prompt.")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "model directory (Cleave or Hugging Face)")
    Path model;

    @Option(names = "--prompt", required = true, description = "prompt text")
    String prompt;

    @Option(names = "--max-new-tokens", defaultValue = "128", description = "default: ${DEFAULT-VALUE}")
    int maxNewTokens;

    @Option(names = "--temperature", defaultValue = "1.0", description = "0 = greedy (default: ${DEFAULT-VALUE})")
    double temperature;

    @Option(names = "--top-k", defaultValue = "0", description = "0 disables (default: ${DEFAULT-VALUE})")
    int topK;

    @Option(names = "--top-p", defaultValue = "1.0", description = "default: ${DEFAULT-VALUE}")
    double topP;

    @Option(names = "--seed", defaultValue = "0", description = "default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--stop", description = "stop after this string (repeatable)")
    List<String> stops = List.of();

    @Override
    public Integer call() {
        GenerationConfig config = new GenerationConfig(new SamplingConfig(temperature, topK, topP), maxNewTokens,
                stops, Set.of(), seed);
        try (Policy policy = ModelDirectory.load(model)) {
            int[] ids = policy.tokenizer().encode(prompt);
            Generation g = Generator.generate(policy, List.of(ids), config).get(0);
            System.out.println(g.text());
        }
        return 0;
    }
}
