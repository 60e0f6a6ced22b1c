package io.cleave.spark.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ExecutorThreadsTest {

    @Test
    void executorsGetTheirTaskCpus() {
        assertEquals(OptionalInt.of(1), ExecutorThreads.threadsFor("0", null, 1));
        assertEquals(OptionalInt.of(4), ExecutorThreads.threadsFor("3", null, 4));
    }

    @Test
    void aZeroTaskCpuSettingStillGetsOneThread() {
        assertEquals(OptionalInt.of(1), ExecutorThreads.threadsFor("1", null, 0));
    }

    @Test
    void driverExplicitSettingAndNoSparkKeepPyTorchsCount() {
        assertEquals(OptionalInt.empty(), ExecutorThreads.threadsFor("driver", null, 1));
        assertEquals(OptionalInt.empty(), ExecutorThreads.threadsFor("0", "2", 1));
        assertEquals(OptionalInt.empty(), ExecutorThreads.threadsFor(null, null, 1));
    }
}
