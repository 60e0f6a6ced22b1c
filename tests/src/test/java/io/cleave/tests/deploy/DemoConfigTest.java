package io.cleave.tests.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cleave.cli.CleaveCli;
import io.cleave.cli.DemoSettings;
import io.cleave.tests.harness.Repository;
import io.cleave.train.config.TrainConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cluster-conf/examples/arith-demo.yaml}, which the compose demo submits, is the training config of
 * {@code cleave demo} with its default options ({@code --out}, {@code --iterations}), key for key.
 */
class DemoConfigTest {

    @Test
    void theDemoYamlIsTheConfigOfCleaveDemo() {
        CommandSpec demo = new CommandLine(CleaveCli.class).getSubcommands().get("demo").getCommandSpec();
        String out = demo.findOption("--out").defaultValue();
        String iterations = demo.findOption("--iterations").defaultValue();
        List<String> sets = new ArrayList<>(DemoSettings.TRAIN_SETTINGS);
        sets.addAll(List.of("model.dir=" + out + "/sft", "run.dir=" + out + "/train", "run.iterations=" + iterations,
                "task.eval-every=" + iterations, "checkpoint.every=" + iterations));
        TrainConfig expected = TrainConfig.fromSets(sets);
        TrainConfig file = TrainConfig.load(Repository.file("cluster-conf/examples/arith-demo.yaml"), List.of());
        assertEquals(expected.toMap(), file.toMap());
    }
}
