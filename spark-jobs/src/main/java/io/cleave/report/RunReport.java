package io.cleave.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a run's report: {@code RUN_DIR/report.html} with its PNG plots under {@code RUN_DIR/report/}. The plots come
 * from {@code metrics.jsonl} ({@link RunCharts}); the trajectory trees of {@link #PROMPTS_PER_ITERATION} prompts of
 * the first and of the last iteration come from the trajectories Parquet ({@code RUN_DIR/trajectories}), read with
 * Spark, and are drawn as inline SVG ({@link TreeSvg}). The page is self-contained apart from the PNG files.
 */
public final class RunReport {

    /** File name of the page in the run directory. */
    public static final String PAGE = "report.html";
    /** Folder of the plots, in the run directory. */
    public static final String IMAGE_DIR = "report";
    /** Prompt groups shown per iteration (first and last iteration). */
    public static final int PROMPTS_PER_ITERATION = 3;

    private static final Logger LOG = LoggerFactory.getLogger(RunReport.class);

    private RunReport() {}

    /**
     * Writes the report of {@code runDir}, reading the trajectories with {@code spark}.
     *
     * @return the page
     * @throws NoSuchFileException when the run directory has no {@code metrics.jsonl}
     */
    public static Path write(SparkSession spark, Path runDir) throws IOException {
        MetricsTable metrics = MetricsTable.read(metricsFile(runDir));
        List<ChartImage> charts = RunCharts.write(metrics, runDir.resolve(IMAGE_DIR));
        Path trajectories = runDir.resolve("trajectories");
        List<PromptTree> trees = List.of();
        String treeNote = "This run has no trajectories Parquet (" + trajectories + ").";
        if (Files.isDirectory(trajectories)) {
            try (PromptDecoder decoder = PromptDecoder.forRun(runDir)) {
                trees = TreeSource.read(spark, trajectories, PROMPTS_PER_ITERATION, decoder);
            }
            treeNote = "The trajectories Parquet holds no trajectories.";
        }
        String html = ReportHtml.render(runDir.toAbsolutePath().normalize().getFileName().toString(), metrics, charts,
                IMAGE_DIR, trees, treeNote);
        Path page = runDir.resolve(PAGE);
        Path tmp = runDir.resolve(PAGE + ".tmp");
        Files.writeString(tmp, html, StandardCharsets.UTF_8);
        Files.move(tmp, page, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("wrote the run report {} ({} plots, {} trees)", page, charts.stream().filter(ChartImage::drawn)
                .count(), trees.size());
        return page;
    }

    /** Writes the report of {@code runDir} with a local single-threaded Spark session (started and stopped here). */
    public static Path write(Path runDir) throws IOException {
        metricsFile(runDir);
        try (SparkSession spark = SparkSession.builder().master("local[1]").appName("cleave report")
                .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate()) {
            return write(spark, runDir);
        }
    }

    /** The run's {@code metrics.jsonl}, checked to exist. */
    private static Path metricsFile(Path runDir) throws NoSuchFileException {
        Path file = runDir.resolve("metrics.jsonl");
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file + " (not a Cleave run directory, or no iteration finished)");
        }
        return file;
    }
}
