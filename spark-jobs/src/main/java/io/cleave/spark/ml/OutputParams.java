package io.cleave.spark.ml;

import java.util.Arrays;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.types.StructType;

/**
 * The output column Params shared by {@link CleaveTrainer} and {@link CleavePolicyModel}: {@code outputCol} (the
 * response, default {@value #DEFAULT_OUTPUT_COL}), {@code trajectoryCol} and {@code rewardCol} (added only when set
 * to a non-empty name).
 */
final class OutputParams {

    /** Default name of the response column. */
    static final String DEFAULT_OUTPUT_COL = "response";

    private OutputParams() {}

    static Param<String> outputCol(Identifiable parent) {
        return new Param<>(parent, "outputCol", "column of the generated response: the text after the prompt, tool "
                + "calls and their results inline");
    }

    static Param<String> trajectoryCol(Identifiable parent) {
        return new Param<>(parent, "trajectoryCol", "column of the trajectory struct (answer, formatValid, "
                + "toolCalls, generatedTokens); unset or empty: not added");
    }

    static Param<String> rewardCol(Identifiable parent) {
        return new Param<>(parent, "rewardCol", "column of the reward against the answer column (needs it); unset "
                + "or empty: not added");
    }

    /** The value of {@code param} when it is set to a non-empty name, else null. */
    static String optional(Params owner, Param<String> param) {
        if (!owner.isDefined(param)) {
            return null;
        }
        String name = owner.getOrDefault(param);
        return name == null || name.isEmpty() ? null : name;
    }

    /** {@code input} with the output columns of {@code owner}'s Params. */
    static StructType schema(Params owner, StructType input, Param<String> output, Param<String> trajectory,
            Param<String> reward) {
        return GeneratedColumns.schema(input, owner.getOrDefault(output), optional(owner, trajectory),
                optional(owner, reward));
    }

    /** A comma-separated list as an array (empty text: no element). */
    static String[] split(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }
}
