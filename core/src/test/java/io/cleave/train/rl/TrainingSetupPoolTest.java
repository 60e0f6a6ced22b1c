package io.cleave.train.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cleave.train.config.TrainConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's data file trains on every usable row; generated suites draw a pool of {@link TrainingSetup#PROMPT_POOL}. */
class TrainingSetupPoolTest {

    @TempDir
    Path tmp;

    @Test
    void everyTrainRowOfADataFileIsInTheSchedule() throws Exception {
        int rows = TrainingSetup.PROMPT_POOL + 904;
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            jsonl.append("{\"id\":\"r").append(i).append("\",\"prompt\":\"").append(i).append("+1\",\"answer\":\"")
                    .append(i + 1).append("\"}\n");
        }
        Path data = tmp.resolve("rows.jsonl");
        Files.writeString(data, jsonl, StandardCharsets.UTF_8);
        TrainConfig config = TrainConfig.fromSets(List.of("run.dir=" + tmp.resolve("run"), "model.init-preset=tiny",
                "task.suite=jsonl", "task.options.path=" + data, "task.options.tools=calc",
                "task.options.testFraction=0"));
        try (TrainingSetup setup = TrainingSetup.create(config)) {
            assertEquals(rows, setup.schedule().poolSize());
        }
    }

    @Test
    void aGeneratedSuiteDrawsTheFixedPool() {
        TrainConfig config = TrainConfig.fromSets(List.of("run.dir=" + tmp.resolve("run"), "model.init-preset=tiny",
                "task.suite=arith"));
        try (TrainingSetup setup = TrainingSetup.create(config)) {
            assertEquals(TrainingSetup.PROMPT_POOL, setup.schedule().poolSize());
        }
    }
}
