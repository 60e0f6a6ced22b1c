package io.cleave.tests.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cleave.tests.harness.ExternalCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cluster-conf/gpu/discover-gpus.sh} with a fake {@code nvidia-smi} first on the PATH (a script that prints
 * GPU indices or fails): the JSON Spark reads for 0, 1 and 4 GPUs, and a clear failure when nvidia-smi is missing,
 * fails or prints something else.
 */
class GpuDiscoveryScriptTest {

    private static final String SCRIPT = "cluster-conf/gpu/discover-gpus.sh";

    @TempDir
    Path bin;

    /** Writes {@code bin/nvidia-smi}, a /bin/sh script with this body. */
    private void fakeNvidiaSmi(String body) throws IOException {
        Path script = bin.resolve("nvidia-smi");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Runs the script with only {@code bin} on the PATH (bash by absolute path: no other tool is found). */
    private ExternalCommand discover() {
        return ExternalCommand.run(List.of("/bin/bash", SCRIPT), Map.of("PATH", bin.toString()),
                Duration.ofSeconds(30));
    }

    private static List<String> addresses(ExternalCommand run) {
        assertEquals(0, run.exitCode(), run.stderr());
        JsonObject json = JsonParser.parseString(run.stdout()).getAsJsonObject();
        assertEquals("gpu", json.get("name").getAsString());
        assertEquals(2, json.size(), "only name and addresses: " + run.stdout());
        JsonArray array = json.getAsJsonArray("addresses");
        List<String> addresses = new ArrayList<>();
        array.forEach(e -> addresses.add(e.getAsString()));
        return addresses;
    }

    @Test
    void oneGpu() throws IOException {
        fakeNvidiaSmi("printf '0\\n'");
        assertEquals(List.of("0"), addresses(discover()));
    }

    @Test
    void fourGpusWithTheSpacingNvidiaSmiUses() throws IOException {
        fakeNvidiaSmi("printf '0\\n1\\n 2\\n3 \\n'");
        ExternalCommand run = discover();
        assertEquals(List.of("0", "1", "2", "3"), addresses(run));
        assertEquals("{\"name\": \"gpu\", \"addresses\": [\"0\",\"1\",\"2\",\"3\"]}\n", run.stdout());
    }

    @Test
    void noGpusIsAnEmptyAddressList() throws IOException {
        fakeNvidiaSmi("exit 0");
        assertEquals(List.of(), addresses(discover()));
    }

    @Test
    void theScriptAsksForTheIndexColumnWithoutHeader() throws IOException {
        fakeNvidiaSmi("[ \"$*\" = '--query-gpu=index --format=csv,noheader' ] || { echo \"bad args: $*\" >&2; exit 3; }"
                + "\nprintf '7\\n'");
        assertEquals(List.of("7"), addresses(discover()));
    }

    @Test
    void failingNvidiaSmiFailsWithItsMessage() throws IOException {
        fakeNvidiaSmi("echo \"NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver\"; exit 9");
        ExternalCommand run = discover();
        assertEquals(1, run.exitCode());
        assertEquals("", run.stdout());
        assertTrue(run.stderr().contains("nvidia-smi --query-gpu=index failed"), run.stderr());
        assertTrue(run.stderr().contains("couldn't communicate with the NVIDIA driver"), run.stderr());
    }

    @Test
    void missingNvidiaSmiFails() {
        ExternalCommand run = discover();
        assertEquals(1, run.exitCode());
        assertEquals("", run.stdout());
        assertTrue(run.stderr().contains("nvidia-smi not found on PATH"), run.stderr());
    }

    @Test
    void unexpectedOutputFails() throws IOException {
        fakeNvidiaSmi("echo 'No devices were found'");
        ExternalCommand run = discover();
        assertEquals(1, run.exitCode());
        assertTrue(run.stderr().contains("unexpected nvidia-smi output line: 'No devices were found'"), run.stderr());
    }
}
