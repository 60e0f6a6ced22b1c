package io.cleave.spark.ml;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsReader$;
import org.apache.spark.ml.util.MLReader;
import scala.Option;

/** Loads a {@link CleavePolicyModel} written by {@link PolicyModelWriter}: the uid, the Params and the weights. */
final class PolicyModelReader extends MLReader<CleavePolicyModel> {

    @Override
    public CleavePolicyModel load(String path) {
        DefaultParamsReader.Metadata metadata = DefaultParamsReader$.MODULE$.loadMetadata(path, sparkSession(),
                CleavePolicyModel.class.getName());
        try {
            CleavePolicyModel model = new CleavePolicyModel(metadata.uid(),
                    ModelFiles.load(path, sparkSession().sparkContext().hadoopConfiguration()).toString());
            metadata.getAndSetParams(model, Option.empty());
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the model from " + path, e);
        }
    }
}
