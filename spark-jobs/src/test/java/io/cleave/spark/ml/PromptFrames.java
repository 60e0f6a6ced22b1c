package io.cleave.spark.ml;

import io.cleave.spark.testing.TestSpark;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Small prompt DataFrames for the ML tests: additions with their sums, in two partitions. */
final class PromptFrames {

    private PromptFrames() {}

    /** {@code n} rows {@code (id "q<i>", prompt "<i>+<i+1>", answer "<2i+1>")}. */
    static Dataset<Row> additions(int n) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(RowFactory.create("q" + i, i + "+" + (i + 1), Integer.toString(2 * i + 1)));
        }
        StructType schema = new StructType().add("id", DataTypes.StringType).add("prompt", DataTypes.StringType)
                .add("answer", DataTypes.StringType);
        return TestSpark.session().createDataFrame(rows, schema).repartition(2);
    }

    /** The tiny, fast training settings of the tests, writing to {@code runDir}. */
    static CleaveTrainer tinyTrainer(String runDir, int iterations) {
        return new CleaveTrainer().setInitPreset("tiny").setRunDir(runDir).setIterations(iterations)
                .setPromptsPerIteration(2).setInitialSamples(2).setBudget(2).setMaxNewTokens(16).setSeed(7)
                .setRecipe("grpo").setLearningRate(1e-3);
    }
}
