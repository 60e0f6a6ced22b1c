package io.cleave.spark.ml;

import io.cleave.spark.train.SparkTrainer;
import io.cleave.spark.train.TrainSummary;
import io.cleave.train.config.TrainConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a policy on a DataFrame of prompts (string columns {@code prompt} and {@code answer}, optional {@code id})
 * with the Spark training job, in the DataFrame's SparkSession; the rows are the task pool (written to
 * {@code prompts.jsonl} in the run directory and read as the {@code jsonl} suite, every row training), with the
 * tools, reward and metric of the Params. The run directory holds {@code metrics.jsonl}, {@code trajectories/}
 * (Parquet) and the checkpoints, as for {@code cleave train}; the run directory must be readable by the executors
 * (on a cluster: shared storage such as {@code /dbfs/...}).
 *
 * <p>Every training Param stands for a TrainConfig key (see {@code cluster-conf/examples/README.md}) and, left
 * unset, means its TrainConfig default; {@code settings} takes any further {@code key=value}. The fitted
 * {@link CleavePolicyModel} gets the Params the two share (sampling, seed, tools, reward, output columns).
 */
public final class CleaveTrainer extends Estimator<CleavePolicyModel> implements DefaultParamsWritable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CleaveTrainer.class);

    private final String uid;
    private final Param<String> recipe;
    private final Param<String> segmenter;
    private final IntParam budget;
    private final IntParam initialSamples;
    private final IntParam iterations;
    private final IntParam promptsPerIteration;
    private final Param<String> modelDir;
    private final Param<String> initPreset;
    private final Param<String> runDir;
    private final LongParam seed;
    private final DoubleParam learningRate;
    private final DoubleParam temperature;
    private final IntParam topK;
    private final DoubleParam topP;
    private final IntParam maxNewTokens;
    private final Param<String> updateMode;
    private final IntParam checkpointEvery;
    private final StringArrayParam tools;
    private final Param<String> reward;
    private final Param<String> metric;
    private final StringArrayParam settings;
    private final Param<String> outputCol;
    private final Param<String> trajectoryCol;
    private final Param<String> rewardCol;

    /** A trainer with a random uid. */
    public CleaveTrainer() {
        this(Identifiable.randomUID("cleaveTrainer"));
    }

    /** A trainer with the given uid (used when loading). */
    public CleaveTrainer(String uid) {
        this.uid = uid;
        recipe = ConfigParams.text(this, "recipe");
        segmenter = ConfigParams.text(this, "segmenter");
        budget = ConfigParams.integer(this, "budget");
        initialSamples = ConfigParams.integer(this, "initialSamples");
        iterations = ConfigParams.integer(this, "iterations");
        promptsPerIteration = ConfigParams.integer(this, "promptsPerIteration");
        modelDir = ConfigParams.text(this, "modelDir");
        initPreset = ConfigParams.text(this, "initPreset");
        runDir = ConfigParams.text(this, "runDir");
        seed = ConfigParams.longInteger(this, "seed");
        learningRate = ConfigParams.number(this, "learningRate");
        temperature = ConfigParams.number(this, "temperature");
        topK = ConfigParams.integer(this, "topK");
        topP = ConfigParams.number(this, "topP");
        maxNewTokens = ConfigParams.integer(this, "maxNewTokens");
        updateMode = ConfigParams.text(this, "updateMode");
        checkpointEvery = ConfigParams.integer(this, "checkpointEvery");
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

    /**
     * Trains on {@code dataset}'s prompts and returns the final policy.
     *
     * @throws IllegalArgumentException for a missing or mistyped column, an empty DataFrame, a blank prompt or
     *     answer, a missing or repeated id, a bad Param value (the message names its TrainConfig key), or a run
     *     directory that already holds a run
     */
    @Override
    public CleavePolicyModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        TrainConfig base = config();
        PromptSuite.config(base.task().options());
        Path dir = base.run().dir();
        if (Files.exists(dir.resolve("metrics.jsonl")) || Files.exists(dir.resolve("checkpoints"))) {
            throw new IllegalArgumentException("CleaveTrainer.fit: run directory " + dir
                    + " already holds a run; set runDir to a new directory");
        }
        Path file = dir.toAbsolutePath().resolve(PromptSuite.FILE);
        PromptSuite.write(dataset, file);
        LOG.info("training on the prompts of {} in {}", file, dir);
        TrainConfig config = ConfigParams.resolve(this, PromptSuite.trainingSettings(file));
        TrainSummary summary;
        try {
            summary = SparkTrainer.runIn(config, dataset.sparkSession(), false, LOG::info);
        } catch (IOException e) {
            throw new UncheckedIOException("training failed in " + dir, e);
        }
        CleavePolicyModel model = new CleavePolicyModel(uid, summary.finalWeights().toString());
        return copyValues(model, new ParamMap()).setParent(this);
    }

    /** The training config these Params stand for (task pool not yet attached). */
    public TrainConfig config() {
        return ConfigParams.resolve(this, Map.of());
    }

    @Override
    public StructType transformSchema(StructType schema) {
        PromptColumns.check(schema, true, "CleaveTrainer.fit");
        return OutputParams.schema(this, schema, outputCol, trajectoryCol, rewardCol);
    }

    @Override
    public CleaveTrainer copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /** Reads a trainer saved with {@code write().save(path)}. */
    public static MLReader<CleaveTrainer> read() {
        return new DefaultParamsReader<>();
    }

    /** {@code read().load(path)}. */
    public static CleaveTrainer load(String path) {
        return read().load(path);
    }

    private String effective(Param<?> param) {
        return ConfigParams.effective(config(), param.name());
    }

    public Param<String> recipe() { return recipe; }
    public Param<String> segmenter() { return segmenter; }
    public IntParam budget() { return budget; }
    public IntParam initialSamples() { return initialSamples; }
    public IntParam iterations() { return iterations; }
    public IntParam promptsPerIteration() { return promptsPerIteration; }
    public Param<String> modelDir() { return modelDir; }
    public Param<String> initPreset() { return initPreset; }
    public Param<String> runDir() { return runDir; }
    public LongParam seed() { return seed; }
    public DoubleParam learningRate() { return learningRate; }
    public DoubleParam temperature() { return temperature; }
    public IntParam topK() { return topK; }
    public DoubleParam topP() { return topP; }
    public IntParam maxNewTokens() { return maxNewTokens; }
    public Param<String> updateMode() { return updateMode; }
    public IntParam checkpointEvery() { return checkpointEvery; }
    public StringArrayParam tools() { return tools; }
    public Param<String> reward() { return reward; }
    public Param<String> metric() { return metric; }
    public StringArrayParam settings() { return settings; }
    public Param<String> outputCol() { return outputCol; }
    public Param<String> trajectoryCol() { return trajectoryCol; }
    public Param<String> rewardCol() { return rewardCol; }

    public CleaveTrainer setRecipe(String value) { set(recipe, value); return this; }
    public CleaveTrainer setSegmenter(String value) { set(segmenter, value); return this; }
    public CleaveTrainer setBudget(int value) { set(budget, value); return this; }
    public CleaveTrainer setInitialSamples(int value) { set(initialSamples, value); return this; }
    public CleaveTrainer setIterations(int value) { set(iterations, value); return this; }
    public CleaveTrainer setPromptsPerIteration(int value) { set(promptsPerIteration, value); return this; }
    public CleaveTrainer setModelDir(String value) { set(modelDir, value); return this; }
    public CleaveTrainer setInitPreset(String value) { set(initPreset, value); return this; }
    public CleaveTrainer setRunDir(String value) { set(runDir, value); return this; }
    public CleaveTrainer setSeed(long value) { set(seed, value); return this; }
    public CleaveTrainer setLearningRate(double value) { set(learningRate, value); return this; }
    public CleaveTrainer setTemperature(double value) { set(temperature, value); return this; }
    public CleaveTrainer setTopK(int value) { set(topK, value); return this; }
    public CleaveTrainer setTopP(double value) { set(topP, value); return this; }
    public CleaveTrainer setMaxNewTokens(int value) { set(maxNewTokens, value); return this; }
    public CleaveTrainer setUpdateMode(String value) { set(updateMode, value); return this; }
    public CleaveTrainer setCheckpointEvery(int value) { set(checkpointEvery, value); return this; }
    public CleaveTrainer setTools(String[] value) { set(tools, value); return this; }
    public CleaveTrainer setReward(String value) { set(reward, value); return this; }
    public CleaveTrainer setMetric(String value) { set(metric, value); return this; }
    public CleaveTrainer setSettings(String[] value) { set(settings, value); return this; }
    public CleaveTrainer setOutputCol(String value) { set(outputCol, value); return this; }
    public CleaveTrainer setTrajectoryCol(String value) { set(trajectoryCol, value); return this; }
    public CleaveTrainer setRewardCol(String value) { set(rewardCol, value); return this; }

    public String getRecipe() { return effective(recipe); }
    public String getSegmenter() { return effective(segmenter); }
    public int getBudget() { return Integer.parseInt(effective(budget)); }
    public int getInitialSamples() { return Integer.parseInt(effective(initialSamples)); }
    public int getIterations() { return Integer.parseInt(effective(iterations)); }
    public int getPromptsPerIteration() { return Integer.parseInt(effective(promptsPerIteration)); }
    public String getModelDir() { return effective(modelDir); }
    public String getInitPreset() { return effective(initPreset); }
    public String getRunDir() { return effective(runDir); }
    public long getSeed() { return Long.parseLong(effective(seed)); }
    public double getLearningRate() { return Double.parseDouble(effective(learningRate)); }
    public double getTemperature() { return Double.parseDouble(effective(temperature)); }
    public int getTopK() { return Integer.parseInt(effective(topK)); }
    public double getTopP() { return Double.parseDouble(effective(topP)); }
    public int getMaxNewTokens() { return Integer.parseInt(effective(maxNewTokens)); }
    public String getUpdateMode() { return effective(updateMode); }
    public int getCheckpointEvery() { return Integer.parseInt(effective(checkpointEvery)); }
    public String[] getTools() { return OutputParams.split(effective(tools)); }
    public String getReward() { return effective(reward); }
    public String getMetric() { return effective(metric); }
}
