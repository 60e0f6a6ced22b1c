package io.cleave.tests.harness;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A finished external process (a shell script, shellcheck, python3), run from the repository root.
 *
 * <pre>
 *   ExternalCommand r = ExternalCommand.run(List.of("bash", "cluster-conf/gpu/discover-gpus.sh"),
 *           Map.of("PATH", fakeBin.toString()), Duration.ofSeconds(30));
 * </pre>
 *
 * @param exitCode the process's exit code
 * @param stdout   its standard output
 * @param stderr   its standard error
 */
public record ExternalCommand(int exitCode, String stdout, String stderr) {

    /** Environment variable that turns a missing tool into a test failure instead of a skipped test. */
    public static final String REQUIRE_TOOLS = "CLEAVE_REQUIRE_TOOLS";

    /**
     * Runs {@code command} in the repository root and waits for it.
     *
     * @param environment variables set (or replaced) on top of this JVM's environment
     */
    public static ExternalCommand run(List<String> command, Map<String, String> environment, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(Repository.root().toFile());
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                fail(command + " did not finish within " + timeout);
            }
            return new ExternalCommand(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /**
     * Skips the calling test when {@code tool} is not on the PATH, or fails it when {@link #REQUIRE_TOOLS} is
     * {@code true}.
     */
    public static void requireTool(String tool) {
        boolean found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, tool)));
        if (!found && Boolean.parseBoolean(System.getenv(REQUIRE_TOOLS))) {
            fail(tool + " is not on the PATH and " + REQUIRE_TOOLS + "=true");
        }
        Assumptions.assumeTrue(found, tool + " is not on the PATH (install it, e.g. apt-get install " + tool + ")");
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
