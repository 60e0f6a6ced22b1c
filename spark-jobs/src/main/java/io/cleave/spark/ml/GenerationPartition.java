package io.cleave.spark.ml;

import io.cleave.env.protocol.ToolEnvironment;
import io.cleave.env.tasks.Task;
import io.cleave.env.tasks.jsonl.JsonlConfig;
import io.cleave.model.Policy;
import io.cleave.model.TorchRuntime;
import io.cleave.rollout.branch.BranchParams;
import io.cleave.rollout.branch.BranchPolicies;
import io.cleave.rollout.engine.PromptRollout;
import io.cleave.rollout.engine.PromptSpec;
import io.cleave.rollout.engine.RolloutEngine;
import io.cleave.rollout.segment.Segmenters;
import io.cleave.spark.executor.ExecutorPolicyCache;
import io.cleave.spark.executor.TaskDevices;
import io.cleave.spark.executor.WeightsPayload;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * The executor side of {@link CleavePolicyModel#transform}: generates one trajectory per prompt with the JVM's cached
 * policy and the rollout engine (no branching), in batched decodes of {@value #BATCH} prompts, calling the tools as
 * the trajectory asks. Every random draw derives from (seed, prompt id), so a prompt's generation does not depend on
 * the partitioning or on the other prompts of its batch.
 */
final class GenerationPartition implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;
    private static final int BATCH = 32;

    private final GenerationSpec spec;
    private final Broadcast<WeightsPayload> weights;

    GenerationPartition(GenerationSpec spec, Broadcast<WeightsPayload> weights) {
        this.spec = spec;
        this.weights = weights;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        List<Row> input = new ArrayList<>();
        rows.forEachRemaining(input::add);
        if (input.isEmpty()) {
            return List.<Row>of().iterator();
        }
        TorchRuntime.disableGrad();
        JsonlConfig suite = PromptSuite.config(spec.job().suiteOptions());
        ToolEnvironment env = ExecutorTools.of(suite, spec.job().limits());
        return ExecutorPolicyCache.withPolicy(spec.job(), weights.value(), TaskDevices.assigned(), policy -> {
            RolloutEngine engine = new RolloutEngine(policy, env,
                    BranchPolicies.create("none", BranchParams.defaults().withSamples(1, 1)),
                    Segmenters.create("sequence"), spec.job().rollout());
            List<Row> out = new ArrayList<>(input.size());
            for (int from = 0; from < input.size(); from += BATCH) {
                List<Row> batch = input.subList(from, Math.min(input.size(), from + BATCH));
                List<PromptRollout> rollouts = engine.run(specs(batch, suite, policy), 0);
                for (int i = 0; i < batch.size(); i++) {
                    out.add(output(batch.get(i), rollouts.get(i), env));
                }
            }
            return out.iterator();
        });
    }

    private List<PromptSpec> specs(List<Row> batch, JsonlConfig suite, Policy policy) {
        StructType schema = spec.input();
        List<PromptSpec> specs = new ArrayList<>(batch.size());
        for (Row row : batch) {
            String prompt = row.getString(schema.fieldIndex(PromptColumns.PROMPT));
            if (prompt == null) {
                throw new IllegalArgumentException("CleavePolicyModel.transform: a row has a null prompt: " + row);
            }
            String id = PromptColumns.id(row, schema);
            String answer = PromptColumns.has(schema, PromptColumns.ANSWER)
                    ? row.getString(schema.fieldIndex(PromptColumns.ANSWER)) : null;
            Task task = PromptSuite.task(suite, id == null ? prompt : id, prompt, answer == null ? "" : answer);
            specs.add(new PromptSpec(task.id(), policy.tokenizer().encode(task.prompt()), task));
        }
        return specs;
    }

    private Row output(Row in, PromptRollout rollout, ToolEnvironment env) {
        List<Object> values = new ArrayList<>(in.size() + 3);
        for (int i = 0; i < in.size(); i++) {
            values.add(in.get(i));
        }
        String text = rollout.texts().get(0);
        values.add(text);
        if (spec.trajectory()) {
            values.add(GeneratedColumns.trajectory(env.protocol().parser().parse(text),
                    rollout.samples().get(0).tokens().length));
        }
        if (spec.reward()) {
            values.add(rollout.rewards().get(0).total());
        }
        return RowFactory.create(values.toArray());
    }
}
