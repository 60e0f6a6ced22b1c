package io.cleave.cli;

import io.cleave.model.io.ModelLoadException;
import io.cleave.train.run.RunStoppedException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code cleave} command line. User errors (bad arguments, unusable files) print one {@code error:} line and
 * exit with code 2; anything else is a bug and prints its stack trace.
 */
@Command(name = "cleave", mixinStandardHelpOptions = true, version = "cleave 0.1.0",
        description = "Segment-level RL (GPG / ARPO) for tool-using Transformer agents on Spark and DJL.",
        subcommands = {InitCommand.class, GenerateCommand.class, ScoreCommand.class, ToolCommand.class,
                AdvantagesCommand.class, EvalCommand.class, SftCommand.class, TrainCommand.class, DemoCommand.class,
                ReportCommand.class})
public final class CleaveCli {

    /** Exit code of user errors. */
    public static final int USER_ERROR = 2;

    private CleaveCli() {}

    /** Runs the CLI and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit status (used by tests). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new CleaveCli());
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (isUserError(e)) {
                PrintWriter err = commandLine.getErr();
                err.println("error: " + e.getMessage());
                err.flush();
                return USER_ERROR;
            }
            throw e;
        });
        return cli.execute(args);
    }

    static boolean isUserError(Throwable e) {
        return e instanceof ModelLoadException || e instanceof IllegalArgumentException
                || e instanceof UserException || e instanceof java.nio.file.NoSuchFileException
                || e instanceof RunStoppedException;
    }
}
