package io.cleave.spark.ml;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;

/**
 * The input columns of a prompt DataFrame: {@code prompt} (string, the question), {@code answer} (string, the gold
 * answer; needed to train and to score) and optional {@code id} (string or integer; the prompt's identity, which
 * also seeds its sampling). Checks a schema with an error that lists the DataFrame's columns.
 */
final class PromptColumns {

    /** The question column. */
    static final String PROMPT = "prompt";
    /** The gold answer column. */
    static final String ANSWER = "answer";
    /** The optional id column. */
    static final String ID = "id";

    private PromptColumns() {}

    /**
     * Checks {@code schema} for a string {@code prompt}, a string {@code answer} when {@code needsAnswer}, and an
     * {@code id} of a string or integer type when present.
     *
     * @param who what needs the columns, for the message
     * @throws IllegalArgumentException naming the missing or mistyped column and listing the schema's columns
     */
    static void check(StructType schema, boolean needsAnswer, String who) {
        requireString(schema, PROMPT, who);
        if (needsAnswer) {
            requireString(schema, ANSWER, who);
        }
        if (has(schema, ID)) {
            DataType type = schema.apply(ID).dataType();
            if (!(type instanceof StringType || type instanceof IntegerType || type instanceof LongType)) {
                throw new IllegalArgumentException(who + ": column 'id' must be a string or an integer, got "
                        + type.simpleString() + "; columns: " + describe(schema));
            }
        }
    }

    static boolean has(StructType schema, String column) {
        return Arrays.asList(schema.fieldNames()).contains(column);
    }

    /** The prompt's id: the {@code id} column's value when the schema has one, else the prompt text. */
    static String id(Row row, StructType schema) {
        if (!has(schema, ID)) {
            return row.getString(schema.fieldIndex(PROMPT));
        }
        Object id = row.get(schema.fieldIndex(ID));
        return id == null ? null : id.toString();
    }

    private static void requireString(StructType schema, String column, String who) {
        if (!has(schema, column)) {
            throw new IllegalArgumentException(who + " needs a string column '" + column + "'; columns: "
                    + describe(schema));
        }
        if (!schema.apply(column).dataType().equals(DataTypes.StringType)) {
            throw new IllegalArgumentException(who + ": column '" + column + "' must be a string, got "
                    + schema.apply(column).dataType().simpleString() + "; columns: " + describe(schema));
        }
    }

    private static String describe(StructType schema) {
        return Arrays.stream(schema.fields()).map(f -> f.name() + " " + f.dataType().simpleString()).collect(Collectors.joining(", ", "[", "]"));
    }
}
