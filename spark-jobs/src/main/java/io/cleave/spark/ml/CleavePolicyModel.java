package io.cleave.spark.ml;

import io.cleave.model.ModelConfig;
import io.cleave.model.io.ModelDirectory;
import io.cleave.spark.executor.JobSpec;
import io.cleave.spark.executor.WeightsPayload;
import io.cleave.train.config.TrainConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * A trained policy as a Spark ML {@code Model}: {@link #transform} generates one trajectory per row of a prompt
 * DataFrame (string column {@code prompt}; optional {@code id}, which with {@code seed} fixes the sampling; optional
 * {@code answer}, needed for the reward column) on the executors, with the tool protocol and the rollout engine of
 * training: greedy at {@code temperature} 0, else seeded sampling, so equal Params give equal columns. Adds the
 * response column, and the trajectory and reward columns when their Params name them.
 *
 * <p>The sampling Params stand for the TrainConfig keys of {@link CleaveTrainer} (unset: the TrainConfig default;
 * {@code settings} for others, such as {@code env.max-tool-calls} or {@code task.options.search.corpus}). Saved as
 * the Params' metadata plus a Cleave model directory under {@code model/}; the weights go to the executors as a
 * broadcast.
 */
public final class CleavePolicyModel extends Model<CleavePolicyModel> implements MLWritable {

    private static final long serialVersionUID = 1L;

    private final String uid;
    private final String modelDir;
    private final String weightsRun = UUID.randomUUID().toString();
    private transient Loaded loaded;
    private final LongParam seed;
    private final DoubleParam temperature;
    private final IntParam topK;
    private final DoubleParam topP;
    private final IntParam maxNewTokens;
    private final StringArrayParam tools;
    private final Param<String> reward;
    private final Param<String> metric;
    private final StringArrayParam settings;
    private final Param<String> outputCol;
    private final Param<String> trajectoryCol;
    private final Param<String> rewardCol;

    /** The model whose weights are the model directory {@code modelDir} (a local path). */
    public CleavePolicyModel(String modelDir) {
        this(Identifiable.randomUID("cleavePolicyModel"), modelDir);
    }

    /** The model {@code uid} whose weights are the model directory {@code modelDir} (a local path). */
    public CleavePolicyModel(String uid, String modelDir) {
        this.uid = uid;
        this.modelDir = modelDir;
        seed = ConfigParams.longInteger(this, "seed");
        temperature = ConfigParams.number(this, "temperature");
        topK = ConfigParams.integer(this, "topK");
        topP = ConfigParams.number(this, "topP");
        maxNewTokens = ConfigParams.integer(this, "maxNewTokens");
        tools = ConfigParams.list(this, "tools");
        reward = ConfigParams.text(this, "reward");
        metric = ConfigParams.text(this, "metric");
        settings = ConfigParams.settings(this);
        outputCol = OutputParams.outputCol(this);
        trajectoryCol = OutputParams.trajectoryCol(this);
        rewardCol = OutputParams.rewardCol(this);
        setDefault(outputCol, OutputParams.DEFAULT_OUTPUT_COL);
    }

    @Override
    public String uid() {
        return uid;
    }

    /** The local model directory holding the weights. */
    public String modelDir() {
        return modelDir;
    }

    /**
     * Adds the generated columns to {@code dataset} (lazily, like every transformation).
     *
     * @throws IllegalArgumentException for a missing or mistyped column, an existing output column, or a bad Param
     *     value (the message names its TrainConfig key)
     */
    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType out = transformSchema(dataset.schema());
        TrainConfig config = config();
        PromptSuite.config(config.task().options());
        Loaded model = loaded();
        JobSpec job = JobSpec.of(config, model.config(), model.tokenizerDir());
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext());
        Broadcast<WeightsPayload> weights = jsc.broadcast(WeightsPayload.inline(weightsRun, 0, model.weights()));
        GenerationSpec spec = new GenerationSpec(job, dataset.schema(),
                OutputParams.optional(this, trajectoryCol) != null, OutputParams.optional(this, rewardCol) != null);
        return dataset.toDF().mapPartitions(new GenerationPartition(spec, weights), Encoders.row(out));
    }

    /** The sampling, seed, tool and limit settings these Params stand for. */
    public TrainConfig config() {
        return ConfigParams.resolveForGeneration(this);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        PromptColumns.check(schema, OutputParams.optional(this, rewardCol) != null, "CleavePolicyModel.transform");
        return OutputParams.schema(this, schema, outputCol, trajectoryCol, rewardCol);
    }

    @Override
    public CleavePolicyModel copy(ParamMap extra) {
        CleavePolicyModel copy = copyValues(new CleavePolicyModel(uid, modelDir), extra);
        return hasParent() ? copy.setParent(parent()) : copy;
    }

    @Override
    public MLWriter write() {
        return new PolicyModelWriter(this);
    }

    /** Reads a model saved with {@code write().save(path)}. */
    public static MLReader<CleavePolicyModel> read() {
        return new PolicyModelReader();
    }

    /** {@code read().load(path)}. */
    public static CleavePolicyModel load(String path) {
        return read().load(path);
    }

    private synchronized Loaded loaded() {
        if (loaded == null) {
            Path dir = Path.of(modelDir);
            loaded = new Loaded(ModelDirectory.readConfig(dir), ModelDirectory.readWeights(dir),
                    Files.exists(dir.resolve("tokenizer.json")) ? dir.toString() : null);
        }
        return loaded;
    }

    /** The model directory's architecture, weights and tokenizer directory (null: the character tokenizer). */
    private record Loaded(ModelConfig config, Map<String, float[]> weights, String tokenizerDir) {}

    private String effective(Param<?> param) {
        return ConfigParams.effective(config(), param.name());
    }

    public LongParam seed() { return seed; }
    public DoubleParam temperature() { return temperature; }
    public IntParam topK() { return topK; }
    public DoubleParam topP() { return topP; }
    public IntParam maxNewTokens() { return maxNewTokens; }
    public StringArrayParam tools() { return tools; }
    public Param<String> reward() { return reward; }
    public Param<String> metric() { return metric; }
    public StringArrayParam settings() { return settings; }
    public Param<String> outputCol() { return outputCol; }
    public Param<String> trajectoryCol() { return trajectoryCol; }
    public Param<String> rewardCol() { return rewardCol; }

    public CleavePolicyModel setSeed(long value) { set(seed, value); return this; }
    public CleavePolicyModel setTemperature(double value) { set(temperature, value); return this; }
    public CleavePolicyModel setTopK(int value) { set(topK, value); return this; }
    public CleavePolicyModel setTopP(double value) { set(topP, value); return this; }
    public CleavePolicyModel setMaxNewTokens(int value) { set(maxNewTokens, value); return this; }
    public CleavePolicyModel setTools(String[] value) { set(tools, value); return this; }
    public CleavePolicyModel setReward(String value) { set(reward, value); return this; }
    public CleavePolicyModel setMetric(String value) { set(metric, value); return this; }
    public CleavePolicyModel setSettings(String[] value) { set(settings, value); return this; }
    public CleavePolicyModel setOutputCol(String value) { set(outputCol, value); return this; }
    public CleavePolicyModel setTrajectoryCol(String value) { set(trajectoryCol, value); return this; }
    public CleavePolicyModel setRewardCol(String value) { set(rewardCol, value); return this; }

    public long getSeed() { return Long.parseLong(effective(seed)); }
    public double getTemperature() { return Double.parseDouble(effective(temperature)); }
    public int getTopK() { return Integer.parseInt(effective(topK)); }
    public double getTopP() { return Double.parseDouble(effective(topP)); }
    public int getMaxNewTokens() { return Integer.parseInt(effective(maxNewTokens)); }
    public String[] getTools() { return OutputParams.split(effective(tools)); }
    public String getReward() { return effective(reward); }
    public String getMetric() { return effective(metric); }
}
