package io.cleave.train.run;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.cleave.env.io.RowError;
import io.cleave.env.tasks.DatasetSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what a run made of its data file into the run directory: {@code rejects/<file name>.rejects.jsonl}, one
 * JSON object per rejected line ({@code file}, {@code line}, {@code reason}, and {@code raw} with the line's text
 * or {@code raw_base64} with its bytes when they are not UTF-8), and {@code dataset.json} with the counts
 * ({@code file}, {@code accepted}, {@code rejected}, {@code rejects_file}).
 */
public final class DatasetReport {

    /** Folder of the rejects files, inside the run directory. */
    public static final String REJECTS_DIR = "rejects";
    /** Name of the summary file, inside the run directory. */
    public static final String SUMMARY_FILE = "dataset.json";

    private DatasetReport() {}

    /**
     * Writes both files and returns a one-line account for the console, e.g.
     * {@code dataset tasks.jsonl: 6 rows accepted, 9 rejected (see runs/x/rejects/tasks.jsonl.rejects.jsonl)}.
     */
    public static String write(Path runDir, DatasetSummary summary) {
        String name = summary.file().getFileName().toString();
        String rejectsName = REJECTS_DIR + "/" + name + ".rejects.jsonl";
        Path rejects = RunPaths.inside(runDir, rejectsName);
        Gson gson = new Gson();
        List<String> lines = new ArrayList<>();
        for (RowError error : summary.rejected()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("file", error.file().toString());
            row.put("line", error.line());
            row.put("reason", error.reason());
            row.put(error.rawIsBase64() ? "raw_base64" : "raw", error.raw());
            lines.add(gson.toJson(row));
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("file", summary.file().toString());
        counts.put("accepted", summary.accepted());
        counts.put("rejected", summary.rejected().size());
        counts.put("rejects_file", rejectsName);
        try {
            Files.createDirectories(rejects.getParent());
            Files.write(rejects, lines, StandardCharsets.UTF_8);
            Files.writeString(RunPaths.inside(runDir, SUMMARY_FILE),
                    new GsonBuilder().setPrettyPrinting().create().toJson(counts) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dataset report into " + runDir, e);
        }
        return "dataset " + name + ": " + summary.accepted() + " rows accepted, " + summary.rejected().size()
                + " rejected" + (summary.rejected().isEmpty() ? "" : " (see " + rejects + ")");
    }
}
