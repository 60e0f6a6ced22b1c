package io.cleave.cli;

import io.cleave.algo.advantage.AdvantageEstimators;
import io.cleave.algo.advantage.AdvantagesReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cleave advantages --estimator NAME FILE.json}: prints every trajectory's per-token advantages, one line per
 * macro-action, for a batch in the advantages JSON format ({@code docs/advantages-json.md}); the text is
 * {@link AdvantagesReport#render(Path, String)}. An unknown estimator lists the known ones; a missing, unreadable
 * or malformed file is one error line naming the file.
 */
@Command(name = "advantages", mixinStandardHelpOptions = true,
        description = "Print each trajectory's per-token advantages for a batch in the advantages JSON format "
                + "(docs/advantages-json.md).")
final class AdvantagesCommand implements Callable<Integer> {

    @Option(names = "--estimator", required = true, paramLabel = "NAME",
            description = "advantage estimator: grpo, dr-grpo, rloo, reinforce++, gpg-prefix, gpg-branch")
    String estimator;

    @Parameters(index = "0", paramLabel = "FILE.json", description = "batch of prompt groups")
    Path file;

    @Override
    public Integer call() {
        AdvantageEstimators.get(estimator); // an unknown name fails here, listing the known ones, before any I/O
        if (!Files.exists(file)) {
            throw new UserException("advantages file not found: " + file);
        }
        try {
            System.out.print(AdvantagesReport.render(file, estimator));
        } catch (IOException e) {
            throw new UserException("cannot read " + file + ": " + e);
        }
        return 0;
    }
}
