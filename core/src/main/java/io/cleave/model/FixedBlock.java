package io.cleave.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;

/**
 * Base of Cleave's Transformer blocks: every parameter's shape follows from the {@link ModelConfig}, not from an
 * input shape, so parameters are created with their arrays by {@link WeightSet} rather than by DJL's
 * shape-inference initialisation.
 */
abstract class FixedBlock extends AbstractBlock {

    /** Adds a parameter that receives its array from {@link #bind}. */
    protected final Parameter parameter(String name, Parameter.Type type) {
        return addParameter(Parameter.builder().setName(name).setType(type).build());
    }

    /** Gives a parameter its array (first load) and marks it trainable. */
    static void bind(Parameter parameter, NDArray array) {
        parameter.setArray(array);
        array.setRequiresGradient(true);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block child : getChildren().values()) {
            child.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
