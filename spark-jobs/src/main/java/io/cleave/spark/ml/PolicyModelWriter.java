package io.cleave.spark.ml;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.spark.ml.util.DefaultParamsWriter$;
import org.apache.spark.ml.util.MLWriter;

/** Saves a {@link CleavePolicyModel}: its Params as Spark ML metadata JSON and its weights as a model directory. */
final class PolicyModelWriter extends MLWriter {

    private final CleavePolicyModel model;

    PolicyModelWriter(CleavePolicyModel model) {
        this.model = model;
    }

    @Override
    public void saveImpl(String path) {
        DefaultParamsWriter$.MODULE$.saveMetadata(model, path, sparkSession());
        try {
            ModelFiles.save(model.modelDir(), path, sparkSession().sparkContext().hadoopConfiguration());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the model to " + path, e);
        }
    }
}
