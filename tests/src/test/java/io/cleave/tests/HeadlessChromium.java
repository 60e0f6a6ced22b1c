package io.cleave.tests;

import io.cleave.tests.harness.ExternalCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium, headless and offline (no sandbox, GPU, QUIC, background networking, component updates or sync;
 * a fresh profile), dumping a page's DOM after its load handlers ran. The binary is {@code $CHROMIUM}, else
 * {@code /usr/bin/chromium} ({@code ./cleave test} installs it when missing).
 */
final class HeadlessChromium {

    private static final Path DEFAULT_BINARY = Path.of("/usr/bin/chromium");

    private HeadlessChromium() {}

    /**
     * The binary. When it is missing the calling test is skipped, or fails where {@link ExternalCommand#REQUIRE_TOOLS}
     * is {@code true} (as under {@code ./cleave test}), with a message saying how to install it.
     */
    static Path binary() {
        String configured = System.getenv("CHROMIUM");
        Path binary = configured == null || configured.isBlank() ? DEFAULT_BINARY : Path.of(configured);
        if (!Files.isExecutable(binary)) {
            String message = "headless Chromium not found at " + binary
                    + ": run ./cleave test (it installs it), apt-get install chromium, or set CHROMIUM to its path";
            if (Boolean.parseBoolean(System.getenv(ExternalCommand.REQUIRE_TOOLS))) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        return binary;
    }

    /**
     * The DOM of {@code page} after loading it with up to 5 s of virtual time.
     *
     * @param profile an empty folder for the browser profile
     */
    static String dumpDom(Path page, Path profile) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary().toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile.toAbsolutePath(), "--virtual-time-budget=5000", "--dump-dom",
                page.toAbsolutePath().toUri().toString()));
        Path out = profile.resolveSibling(profile.getFileName() + ".dom.html");
        Path err = profile.resolveSibling(profile.getFileName() + ".log");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish in 90 s; log: " + tail(err));
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("chromium exited with " + process.exitValue() + "; log: " + tail(err));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        return text.substring(Math.max(0, text.length() - 2000));
    }
}
