package io.cleave.report;

import io.cleave.spark.advantage.SparkAdvantages;
import io.cleave.spark.rows.TrajectoryRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads the trajectory trees the report shows from a run's trajectories Parquet: for the first and the last
 * iteration, up to {@code perIteration} prompt groups, those with the most distinct rewards first (their
 * advantages are non-zero), then by prompt id.
 */
final class TreeSource {

    /** Parquet column with the prompt's token ids (written by the training job). */
    static final String PROMPT_TOKENS = "promptTokens";

    /**
     * The columns read, given explicitly: inferring the schema would run a Spark job whose results a training
     * session's Kryo (registration required) cannot serialize.
     */
    private static final StructType SCHEMA = new StructType()
            .add(TrajectoryRow.ITERATION, DataTypes.IntegerType)
            .add(TrajectoryRow.PROMPT_ID, DataTypes.StringType)
            .add(TrajectoryRow.SAMPLE_INDEX, DataTypes.IntegerType)
            .add(TrajectoryRow.TOKEN_NODE, DataTypes.createArrayType(DataTypes.IntegerType))
            .add(TrajectoryRow.PATH, DataTypes.createArrayType(DataTypes.IntegerType))
            .add(TrajectoryRow.NODE_PARENTS, DataTypes.createArrayType(DataTypes.IntegerType))
            .add(TrajectoryRow.TOKEN_TEXT, DataTypes.createArrayType(DataTypes.StringType))
            .add(TrajectoryRow.POLICY_MASK, DataTypes.createArrayType(DataTypes.BooleanType))
            .add(TrajectoryRow.REWARD, DataTypes.DoubleType)
            .add(SparkAdvantages.ADVANTAGES, DataTypes.createArrayType(DataTypes.FloatType))
            .add(PROMPT_TOKENS, DataTypes.createArrayType(DataTypes.IntegerType));

    private TreeSource() {}

    static List<PromptTree> read(SparkSession spark, Path trajectories, int perIteration, PromptDecoder decoder) {
        Dataset<Row> all = spark.read().schema(SCHEMA).parquet(trajectories.toString());
        Row range = all.agg(functions.min(TrajectoryRow.ITERATION), functions.max(TrajectoryRow.ITERATION)).first();
        if (range.isNullAt(0)) {
            return List.of();
        }
        List<PromptTree> trees = new ArrayList<>();
        for (int iteration : new TreeSet<>(List.of(range.getInt(0), range.getInt(1)))) {
            trees.addAll(iteration(all.filter(functions.col(TrajectoryRow.ITERATION).equalTo(iteration)), iteration,
                    perIteration, decoder));
        }
        return trees;
    }

    private static List<PromptTree> iteration(Dataset<Row> rows, int iteration, int perIteration,
            PromptDecoder decoder) {
        List<String> ids = rows.groupBy(TrajectoryRow.PROMPT_ID)
                .agg(functions.countDistinct(TrajectoryRow.REWARD).as("rewards"))
                .orderBy(functions.desc("rewards"), functions.asc(TrajectoryRow.PROMPT_ID)).limit(perIteration)
                .collectAsList().stream().map(r -> r.getString(0)).toList();
        List<Row> chosen = rows.filter(functions.col(TrajectoryRow.PROMPT_ID).isin(ids.toArray()))
                .select(TrajectoryRow.PROMPT_ID, TrajectoryRow.SAMPLE_INDEX, TrajectoryRow.TOKEN_NODE,
                        TrajectoryRow.PATH, TrajectoryRow.NODE_PARENTS, TrajectoryRow.TOKEN_TEXT,
                        TrajectoryRow.POLICY_MASK, TrajectoryRow.REWARD, SparkAdvantages.ADVANTAGES, PROMPT_TOKENS)
                .collectAsList();
        Map<String, List<TreeRow>> groups = new LinkedHashMap<>();
        Map<String, int[]> prompts = new LinkedHashMap<>();
        ids.forEach(id -> groups.put(id, new ArrayList<>()));
        for (Row r : chosen) {
            String id = r.getString(0);
            int n = r.getList(2).size();
            groups.get(id).add(new TreeRow(r.getInt(1), ints(r.getList(2)), ints(r.getList(3)), ints(r.getList(4)),
                    r.isNullAt(5) ? new String[n] : r.<String>getList(5).toArray(new String[0]), booleans(r.getList(6)),
                    r.getDouble(7), floats(r.getList(8))));
            prompts.putIfAbsent(id, r.isNullAt(9) ? new int[0] : ints(r.getList(9)));
        }
        List<PromptTree> trees = new ArrayList<>();
        for (Map.Entry<String, List<TreeRow>> e : groups.entrySet()) {
            trees.add(PromptTree.of(iteration, e.getKey(), decoder.decode(prompts.get(e.getKey())), e.getValue()));
        }
        return trees;
    }

    private static int[] ints(List<Object> values) {
        return values.stream().mapToInt(v -> ((Number) v).intValue()).toArray();
    }

    private static float[] floats(List<Object> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) values.get(i)).floatValue();
        }
        return out;
    }

    private static boolean[] booleans(List<Object> values) {
        boolean[] out = new boolean[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (Boolean) values.get(i);
        }
        return out;
    }
}
