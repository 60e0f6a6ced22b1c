package io.cleave.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code bench/python/torch_reference.py} (PyTorch eager) on the same model directory and workload, with
 * OpenBLAS tuning variables unset so PyTorch picks its own kernels, and returns its JSON result.
 */
final class PythonReference {

    private PythonReference() {}

    /**
     * Installs Debian's python3-torch and libopenblas0-pthread when missing and selects the pthread OpenBLAS as
     * the system BLAS (the reference's BLAS), as root through apt-get and update-alternatives.
     */
    static void ensureInstalled() throws IOException, InterruptedException {
        String script = "set -e; if ! /usr/bin/python3 -c 'import torch' 2>/dev/null || ! dpkg -s libopenblas0-pthread"
                + " >/dev/null 2>&1; then echo 'installing python3-torch and libopenblas0-pthread...' >&2;"
                + " apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch"
                + " libopenblas0-pthread >&2; fi; update-alternatives --set libblas.so.3-x86_64-linux-gnu"
                + " /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3 >/dev/null";
        Process p = new ProcessBuilder("bash", "-c", script).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("could not install the PyTorch reference (exit " + p.exitValue() + ")");
        }
    }

    static JsonObject run(String python, Path script, Path model, BenchShape shape) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(python, script.toString(), "--model", model.toString(),
                "--batch", "" + shape.batch(), "--prompt-len", "" + shape.promptLength(),
                "--new-tokens", "" + shape.newTokens(), "--train-batch", "" + shape.trainBatch(),
                "--train-len", "" + shape.trainLength(), "--train-steps", "" + shape.trainSteps(),
                "--threads", "" + shape.threads()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> env = builder.environment();
        env.remove("OPENBLAS_CORETYPE");
        env.remove("OPENBLAS_L2_SIZE");
        env.put("OMP_NUM_THREADS", "" + shape.threads());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.waitFor() != 0) {
            throw new IOException("the PyTorch reference failed (exit " + process.exitValue() + "): " + out);
        }
        String last = out.substring(out.lastIndexOf('\n') + 1);
        return JsonParser.parseString(last).getAsJsonObject();
    }
}
