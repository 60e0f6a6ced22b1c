package io.cleave.tests.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A JVM started by the harness: the same {@code java} as the tests, Spark's module options (what Spark's own scripts
 * give its daemons) and Cleave's JVM flags ({@link JvmFlags}, what {@code ./cleave} gives the CLI), the given
 * classpath, environment and main class, stdout and stderr captured in one log file. {@link #close()} stops it and
 * every process it started (SIGTERM, then SIGKILL after 10 s).
 */
public final class JavaProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final String name;
    private final Process process;
    private final Path log;

    private JavaProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code java [Spark's module options] @cluster-conf/jvm-flags [jvmOptions] -cp classpath mainClass args}.
     *
     * @param name a name for messages
     * @param log  file that receives stdout and stderr
     */
    public static JavaProcess start(String name, Path log, String classpath, List<String> jvmOptions, String mainClass,
                             List<String> args, Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
        command.add(JvmFlags.argumentFile());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            return new JavaProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    /** A port that was free on 127.0.0.1 a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** The log written so far. */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    /** The log file. */
    public Path logFile() {
        return log;
    }

    /** Waits until the log contains {@code needle}; fails with the log's tail if the process exits or time runs out. */
    public void awaitLog(String needle, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!log().contains(needle)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " before logging '" + needle + "'; " + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " did not log '" + needle + "' within " + timeout + "; "
                        + tail());
            }
            sleep(200);
        }
    }

    /** Waits for the process to exit and returns its exit code; on timeout stops it and fails. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new IllegalStateException(name + " did not finish within " + timeout + "; " + tail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted waiting for " + name, e);
        }
    }

    /** The last lines of the log, for failure messages. */
    public String tail() {
        List<String> lines = log().lines().toList();
        return "last lines of " + log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30),
                lines.size()));
    }

    /** Kills the process at once (SIGKILL), as a crash or an OOM killer would, and waits for it to be gone. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the process and every process it started. */
    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (ProcessHandle p : all) {
            while (p.isAlive() && System.nanoTime() < deadline) {
                sleep(100);
            }
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
