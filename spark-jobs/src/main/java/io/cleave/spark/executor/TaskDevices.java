package io.cleave.spark.executor;

import ai.djl.Device;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;

/** The device of the running Spark task. */
public final class TaskDevices {

    private TaskDevices() {}

    /** The GPU Spark assigned to this task, when it assigned one; else null (the default device). */
    public static Device assigned() {
        TaskContext context = TaskContext.get();
        if (context == null) {
            return null;
        }
        ResourceInformation gpu = context.resources().get("gpu").getOrElse(() -> null);
        return gpu == null || gpu.addresses().length == 0 ? null : Device.gpu(Integer.parseInt(gpu.addresses()[0]));
    }
}
