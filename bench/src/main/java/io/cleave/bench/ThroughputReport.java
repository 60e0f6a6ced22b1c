package io.cleave.bench;

import java.util.List;
import java.util.Locale;

/** The throughput table: per preset and measure, both implementations' tokens/s and their ratios. */
final class ThroughputReport {

    private ThroughputReport() {}

    /** Markdown body of {@code bench/results/throughput.md}. */
    static String render(List<PresetThroughput> results, int threads) {
        StringBuilder out = new StringBuilder();
        BenchShape s = results.get(0).shape();
        out.append(String.format(Locale.ROOT, "%nWorkload: decode batch %d, prompt %d, %d new tokens; training "
                + "batch %d x %d tokens, %d timed steps after one warm-up (score + backward + clip + AdamW); %d "
                + "intra-op threads on both sides. Reference: PyTorch eager (Debian python3-torch, OpenBLAS "
                + "pthread), same architecture and weights. Roofline: each side's best float32 1024^3 matmul.%n%n",
                s.batch(), s.promptLength(), s.newTokens(), s.trainBatch(), s.trainLength(), s.trainSteps(), threads));
        out.append("| preset | params | measure | Cleave tok/s | PyTorch tok/s | Cleave / PyTorch "
                + "| Cleave % of roofline | PyTorch % of roofline |\n");
        out.append("|---|---:|---|---:|---:|---:|---:|---:|\n");
        for (PresetThroughput r : results) {
            String name = r.shape().preset();
            String params = String.format(Locale.ROOT, "%.1fM", r.parameters() / 1e6);
            row(out, name, params, "decode (KV cache)", r.ours().decodeCached(), r.reference().decodeCached(),
                    r.decodeFlopsPerToken(), r);
            row(out, name, params, "training", r.ours().train(), r.reference().train(), r.trainFlopsPerToken(), r);
            out.append(String.format(Locale.ROOT, "| %s | %s | matmul roofline GFLOP/s | %.1f | %.1f | %.2fx | | |%n",
                    name, params, r.ours().rooflineGflops(), r.reference().rooflineGflops(),
                    r.ours().rooflineGflops() / r.reference().rooflineGflops()));
        }
        out.append("\nTargets (issue 6): decode and training >= 1.0x PyTorch eager for `small` and `medium`; "
                + "training >= 40% of the measured matmul roofline for `medium`.\n");
        for (PresetThroughput r : results) {
            if (!r.shape().preset().equals("tiny")) {
                out.append(String.format(Locale.ROOT, "- %s: decode %.2fx, training %.2fx PyTorch; training at "
                        + "%.0f%% of the roofline%n", r.shape().preset(),
                        r.ours().decodeCached() / r.reference().decodeCached(), r.ours().train() / r.reference().train(),
                        100 * r.ours().train() * r.trainFlopsPerToken() / 1e9 / r.ours().rooflineGflops()));
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String preset, String params, String measure, double ours,
            double theirs, double flopsPerToken, PresetThroughput r) {
        String oursRoof = String.format(Locale.ROOT, "%.0f%%", 100 * ours * flopsPerToken / 1e9
                / r.ours().rooflineGflops());
        String theirsRoof = String.format(Locale.ROOT, "%.0f%%", 100 * theirs * flopsPerToken / 1e9
                / r.reference().rooflineGflops());
        out.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %.1f | %.2fx | %s | %s |%n", preset, params,
                measure, ours, theirs, ours / theirs, oursRoof, theirsRoof));
    }
}
