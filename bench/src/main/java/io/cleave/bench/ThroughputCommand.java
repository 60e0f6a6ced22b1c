package io.cleave.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cleave bench throughput}: decode and training tokens/s of the {@code tiny}, {@code small} and
 * {@code medium} (~25M) presets against the PyTorch-eager reference (Debian's python3-torch with OpenBLAS, installed
 * when missing) and against each implementation's measured matmul roofline, in one table written to
 * {@code bench/results/throughput.md}.
 */
@Command(name = "throughput", mixinStandardHelpOptions = true,
        description = "Decode/training tokens/s vs PyTorch eager and the matmul roofline -> bench/results/throughput.md")
final class ThroughputCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ThroughputCommand.class);

    @Option(names = "--presets", split = ",", defaultValue = "tiny,small,medium",
            description = "model presets (default: ${DEFAULT-VALUE})")
    List<String> presets;

    @Option(names = "--threads", description = "intra-op threads of both implementations (default: all cores)")
    Integer threads;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "default: ${DEFAULT-VALUE}")
    String python;

    @Override
    public Integer call() throws Exception {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        System.setProperty("ai.djl.pytorch.num_threads", "" + n);
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        PythonReference.ensureInstalled();
        String header = BenchContext.header("./cleave bench throughput" + (presets.equals(List.of("tiny", "small",
                "medium")) ? "" : " --presets " + String.join(",", presets)) + (threads == null ? "" : " --threads "
                + threads));
        Path script = BenchContext.root().resolve("bench/python/torch_reference.py");
        List<PresetThroughput> results = new ArrayList<>();
        for (String preset : presets) {
            LOG.info("measuring preset {}", preset);
            System.out.println("measuring preset " + preset + " ...");
            results.add(PresetThroughput.measure(new BenchShape(preset, 32, 16, 128, 16, 128, 5, n), python, script));
        }
        String report = header + ThroughputReport.render(results, n);
        Files.writeString(BenchContext.results().resolve("throughput.md"), report);
        System.out.print(report);
        return 0;
    }
}
