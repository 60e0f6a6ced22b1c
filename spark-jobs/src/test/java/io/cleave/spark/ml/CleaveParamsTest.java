package io.cleave.spark.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.algo.recipe.Recipes;
import io.cleave.spark.testing.TestSpark;
import io.cleave.train.config.ConfigException;
import io.cleave.train.config.TrainConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Params of the ML API against TrainConfig, and the errors for unusable DataFrames (no training runs here). */
class CleaveParamsTest {

    @TempDir
    Path tmp;

    @Test
    void unsetParamsMeanTheTrainConfigDefaults() {
        CleaveTrainer trainer = new CleaveTrainer();
        TrainConfig defaults = TrainConfig.defaults();
        assertEquals(defaults.toMap(), trainer.config().toMap());
        assertEquals(defaults.algorithm().recipe(), trainer.getRecipe());
        assertEquals(defaults.run().iterations(), trainer.getIterations());
        assertEquals(defaults.optim().adamw().learningRate(), trainer.getLearningRate());
        assertEquals(defaults.rollout().sampling().temperature(), trainer.getTemperature());
        assertEquals(defaults.algorithm().config().branch().budget(), trainer.getBudget());
        assertArrayEquals(new String[] {"calc"}, trainer.getTools(), "the jsonl suite's default");
        assertEquals("arpo", trainer.getReward());
        assertEquals("exact", trainer.getMetric());
        assertEquals("response", trainer.getOrDefault(trainer.outputCol()));
        assertTrue(trainer.explainParams().contains("TrainConfig key algorithm.recipe"));
    }

    @Test
    void setParamsBecomeTheirKeysAndTheRecipeDecidesAlgorithmDefaults() {
        CleaveTrainer trainer = new CleaveTrainer().setRecipe("dapo").setIterations(3).setLearningRate(2e-4)
                .setTools(new String[] {"calc", "search"}).setReward("f1")
                .setSettings(new String[] {"run.iterations=9", "env.max-tool-calls=2", "algorithm.branch.m=12"});
        TrainConfig config = trainer.config();
        assertEquals("dapo", config.algorithm().recipe());
        assertEquals(Recipes.get("dapo").segmenter(), trainer.getSegmenter());
        assertEquals(12, trainer.getBudget(), "settings apply over the recipe");
        assertEquals(3, config.run().iterations(), "the typed Param wins over settings");
        assertEquals(2, config.env().maxToolCalls());
        assertEquals(2e-4, config.optim().adamw().learningRate());
        assertEquals("calc,search", config.task().options().get("tools"));
        assertArrayEquals(new String[] {"calc", "search"}, trainer.getTools());
        assertEquals("f1", trainer.getReward());

        CleavePolicyModel model = new CleavePolicyModel(tmp.toString()).setSettings(
                new String[] {"algorithm.branch.m=4", "env.max-tool-calls=3"});
        assertEquals(3, model.config().env().maxToolCalls(), "algorithm settings are a trainer's, not the model's");
        assertEquals(4, new CleaveTrainer().setRecipe("grpo").setInitialSamples(2).setSettings(
                new String[] {"algorithm.branch.m=4"}).getBudget());

        ConfigException bad = assertThrows(ConfigException.class, () -> new CleaveTrainer().setIterations(0).config());
        assertTrue(bad.getMessage().startsWith("run.iterations = '0' (--set): run.iterations must be >= 1"),
                bad.getMessage());
        IllegalArgumentException tool = assertThrows(IllegalArgumentException.class, () -> new CleavePolicyModel(
                tmp.toString()).setTools(new String[] {"python"}).getTools());
        assertEquals("jsonl tools: unknown tool 'python'; known tools: [calc, search]", tool.getMessage());
    }

    @Test
    void unusableDataFramesAreRejectedWithTheColumns() throws Exception {
        StructType noAnswer = new StructType().add("prompt", DataTypes.StringType).add("label", DataTypes.IntegerType);
        Dataset<Row> frame = TestSpark.session().createDataFrame(List.of(RowFactory.create("1+1", 2)), noAnswer);
        CleaveTrainer trainer = PromptFrames.tinyTrainer(tmp.resolve("run").toString(), 1);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> trainer.fit(frame));
        assertEquals("CleaveTrainer.fit needs a string column 'answer'; columns: [prompt string, label int]",
                missing.getMessage());

        StructType intPrompt = new StructType().add("prompt", DataTypes.IntegerType).add("answer",
                DataTypes.StringType);
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class, () -> trainer.fit(
                TestSpark.session().createDataFrame(List.of(RowFactory.create(1, "2")), intPrompt)));
        assertEquals("CleaveTrainer.fit: column 'prompt' must be a string, got int; columns: [prompt int, answer "
                + "string]", type.getMessage());

        StructType withId = new StructType().add("id", DataTypes.LongType).add("prompt", DataTypes.StringType)
                .add("answer", DataTypes.StringType);
        IllegalArgumentException repeated = assertThrows(IllegalArgumentException.class, () -> trainer.fit(
                TestSpark.session().createDataFrame(List.of(RowFactory.create(4L, "1+1", "2"),
                        RowFactory.create(4L, "2+2", "4")), withId)));
        assertEquals("CleaveTrainer.fit: row 1 (id 4) has a repeated id", repeated.getMessage());
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class, () -> trainer.fit(
                TestSpark.session().createDataFrame(List.of(RowFactory.create(5L, " ", "2")), withId)));
        assertEquals("CleaveTrainer.fit: row 0 (id 5) has a blank prompt", blank.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> trainer.fit(
                TestSpark.session().createDataFrame(List.<Row>of(), withId)));
        assertEquals("CleaveTrainer.fit: the prompt DataFrame is empty", empty.getMessage());

        Files.createDirectories(tmp.resolve("used/checkpoints"));
        IllegalArgumentException used = assertThrows(IllegalArgumentException.class, () -> PromptFrames
                .tinyTrainer(tmp.resolve("used").toString(), 1).fit(PromptFrames.additions(2)));
        assertEquals("CleaveTrainer.fit: run directory " + tmp.resolve("used")
                + " already holds a run; set runDir to a new directory", used.getMessage());

        CleavePolicyModel model = new CleavePolicyModel(tmp.toString()).setRewardCol("reward");
        IllegalArgumentException reward = assertThrows(IllegalArgumentException.class, () -> model.transformSchema(
                new StructType().add("prompt", DataTypes.StringType)));
        assertEquals("CleavePolicyModel.transform needs a string column 'answer'; columns: [prompt string]",
                reward.getMessage());
        IllegalArgumentException exists = assertThrows(IllegalArgumentException.class, () -> model.setRewardCol("")
                .transformSchema(new StructType().add("prompt", DataTypes.StringType).add("response",
                        DataTypes.StringType)));
        assertEquals("output column 'response' already exists in the DataFrame", exists.getMessage());
    }
}
