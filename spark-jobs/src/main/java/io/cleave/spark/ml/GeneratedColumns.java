package io.cleave.spark.ml;

import io.cleave.env.protocol.ParsedTrajectory;
import io.cleave.env.protocol.ToolCallRecord;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The columns {@link CleavePolicyModel#transform} adds: the response (the generated text after the prompt, tool
 * calls and their results inline), optionally the trajectory as a struct {@code (answer, formatValid, toolCalls,
 * generatedTokens)} with {@code toolCalls} an array of {@code (tool, argument, result)}, and optionally the reward.
 */
final class GeneratedColumns {

    /** Type of one tool call. */
    static final StructType TOOL_CALL = new StructType().add("tool", DataTypes.StringType, false)
            .add("argument", DataTypes.StringType, false).add("result", DataTypes.StringType, false);
    /** Type of the trajectory column. */
    static final StructType TRAJECTORY = new StructType().add("answer", DataTypes.StringType, true)
            .add("formatValid", DataTypes.BooleanType, false)
            .add("toolCalls", DataTypes.createArrayType(TOOL_CALL, false), false)
            .add("generatedTokens", DataTypes.IntegerType, false);

    private GeneratedColumns() {}

    /**
     * {@code input} with the response column, then the trajectory and reward columns when their names are
     * non-null.
     *
     * @throws IllegalArgumentException when an added column already exists
     */
    static StructType schema(StructType input, String response, String trajectory, String reward) {
        StructType out = add(input, response, DataTypes.StringType, false);
        if (trajectory != null) {
            out = add(out, trajectory, TRAJECTORY, false);
        }
        if (reward != null) {
            out = add(out, reward, DataTypes.DoubleType, false);
        }
        return out;
    }

    /** The trajectory struct of a parsed trajectory of {@code generatedTokens} tokens. */
    static Row trajectory(ParsedTrajectory parsed, int generatedTokens) {
        List<Row> calls = parsed.calls().stream().map(GeneratedColumns::call).toList();
        return RowFactory.create(parsed.answer().orElse(null), parsed.valid(), CollectionConverters.asScala(calls),
                generatedTokens);
    }

    private static Row call(ToolCallRecord call) {
        return RowFactory.create(call.tool(), call.argument(), call.result());
    }

    private static StructType add(StructType schema, String name, DataType type,
            boolean nullable) {
        if (Arrays.asList(schema.fieldNames()).contains(name)) {
            throw new IllegalArgumentException("output column '" + name + "' already exists in the DataFrame");
        }
        return schema.add(name, type, nullable);
    }
}
