// Databricks notebook source
// MAGIC %md
// MAGIC # Cleave quickstart: train a tool-using policy with Spark ML
// MAGIC
// MAGIC `CleaveTrainer` is a Spark ML `Estimator`: it trains a policy with segment-level RL (GPG / ARPO) on a
// MAGIC DataFrame of prompts, running rollouts on the executors. The fitted `CleavePolicyModel` is a `Model` whose
// MAGIC `transform` generates answers, calling the tools (here the `calc` calculator) as the model asks.
// MAGIC
// MAGIC Cluster set-up: a Spark 4.0 / Scala 2.13 runtime with `spark-jobs/target/cleave.jar` and the jars of
// MAGIC `spark-jobs/target/lib/` (except Spark's own) attached as libraries. The run directory must be on storage
// MAGIC every executor can read (on Databricks: under `/dbfs`). This notebook trains a `tiny` model for two iterations
// MAGIC so that it runs in a minute; for a real run start from a warm start (`setModelDir`) and train longer.

// COMMAND ----------

import io.cleave.spark.ml.{CleavePolicyModel, CleaveTrainer}
import java.nio.file.{Files, Paths}
import org.apache.spark.sql.functions._
import scala.jdk.CollectionConverters._
import spark.implicits._

val runDir = sys.props.getOrElse("cleave.runDir", s"/dbfs/tmp/cleave/quickstart-${System.currentTimeMillis}")

// COMMAND ----------

// MAGIC %md
// MAGIC ## Prompts
// MAGIC
// MAGIC One row per task: `prompt` (the question), `answer` (the gold answer the reward checks) and an optional `id`.

// COMMAND ----------

val prompts = Seq(
  ("q1", "3+4", "7"), ("q2", "12+30", "42"), ("q3", "9*8", "72"), ("q4", "100-58", "42"),
  ("q5", "6*7", "42"), ("q6", "81/9", "9"), ("q7", "15+27", "42"), ("q8", "2*3*4", "24")
).toDF("id", "prompt", "answer")
prompts.show()

// COMMAND ----------

// MAGIC %md
// MAGIC ## Train
// MAGIC
// MAGIC Every training Param stands for a key of the training config (`cluster-conf/examples/README.md`); a Param
// MAGIC left unset takes that key's default, and `setSettings(Array("key=value", ...))` sets any other key.

// COMMAND ----------

val trainer = new CleaveTrainer()
  .setInitPreset("tiny")
  .setRecipe("gpg")
  .setIterations(2)
  .setPromptsPerIteration(4)
  .setInitialSamples(2)
  .setBudget(2)
  .setMaxNewTokens(24)
  .setTools(Array("calc"))
  .setReward("arpo")
  .setSeed(1L)
  .setRunDir(runDir)

val model = trainer.fit(prompts)

// COMMAND ----------

// MAGIC %md
// MAGIC ## Metrics and trajectories
// MAGIC
// MAGIC The run directory holds one metrics row per iteration (`metrics.jsonl`) and every trajectory as Parquet,
// MAGIC partitioned by iteration, with its tokens, per-token macro-action node ids, reward and advantages.

// COMMAND ----------

val metricLines = Files.readAllLines(Paths.get(runDir, "metrics.jsonl")).asScala.toSeq
val metrics = spark.read.json(metricLines.toDS())
metrics.select("iteration", "reward", "accuracy", "tool_calls", "sampled_tokens", "loss", "iteration_seconds").show()

// COMMAND ----------

val trajectories = spark.read.parquet(s"$runDir/trajectories")
trajectories
  .groupBy("iteration")
  .agg(count(lit(1)).as("trajectories"), avg("reward").as("mean_reward"), avg(size($"tokens")).as("mean_tokens"))
  .orderBy("iteration")
  .show()

// COMMAND ----------

// MAGIC %md
// MAGIC ## Generate
// MAGIC
// MAGIC `transform` adds the `response` column (the text after the prompt, tool calls and results inline) and, when
// MAGIC named, the parsed `trajectory` and the `reward`. Temperature 0 decodes greedily; otherwise sampling is seeded
// MAGIC by `seed` and the row's `id`, so the same Params give the same columns.

// COMMAND ----------

val generated = model
  .setTemperature(0.0)
  .setTrajectoryCol("trajectory")
  .setRewardCol("reward")
  .transform(prompts)
  .cache()
generated
  .select($"id", $"prompt", $"answer", $"trajectory.answer".as("model_answer"), size($"trajectory.toolCalls").as("tool_calls"), $"reward", $"response")
  .show(truncate = false)

// COMMAND ----------

// MAGIC %md
// MAGIC ## Save and load
// MAGIC
// MAGIC The model saves as Spark ML metadata plus a Cleave model directory (`config.json`, `model.safetensors`), which
// MAGIC the `cleave` CLI also reads. The loaded model generates the same responses.

// COMMAND ----------

model.write.overwrite().save(s"$runDir/model")
val reloaded = CleavePolicyModel.load(s"$runDir/model")
val differing = reloaded.transform(prompts).select("id", "response").except(generated.select("id", "response")).count()
println(s"responses that differ after save and load: $differing")
