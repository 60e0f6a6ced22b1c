package io.cleave.tests.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.spark.kryo.CleaveKryoRegistrator;
import io.cleave.tests.harness.JvmFlags;
import io.cleave.tests.harness.Repository;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.serializer.KryoSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code cluster-conf/spark-defaults.conf} and the compose demo's {@code docker/spark-demo.conf}: every setting is
 * commented, the JVM flags are those of {@code cluster-conf/jvm-flags}, Kryo is Cleave's registrator with registration
 * required, PyTorch's threads match the task's cores, and the GPU discovery script is where the images put it.
 */
class SparkDefaultsTest {

    private static final Pattern ADD_OPENS = Pattern.compile("--add-opens=\\S+");

    private static Properties load(String file) throws IOException {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(Repository.file(file))) {
            p.load(reader);
        }
        return p;
    }

    private static Set<String> addOpens(String text) {
        Set<String> flags = new TreeSet<>();
        Matcher m = ADD_OPENS.matcher(text);
        while (m.find()) {
            flags.add(m.group());
        }
        return flags;
    }

    @ParameterizedTest
    @ValueSource(strings = {"cluster-conf/spark-defaults.conf", "docker/spark-demo.conf"})
    void everySettingIsASparkKeyUnderAComment(String file) throws IOException {
        List<String> lines = Files.readAllLines(Repository.file(file));
        int settings = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            settings++;
            assertTrue(line.startsWith("spark."), file + ":" + (i + 1) + " is not a Spark setting: " + line);
            int above = i - 1;
            while (above >= 0 && lines.get(above).strip().startsWith("spark.")) {
                above--;
            }
            assertTrue(above >= 0 && lines.get(above).strip().startsWith("#"),
                    file + ":" + (i + 1) + " has no comment above its group: " + line);
        }
        assertEquals(settings, load(file).size(), file + " sets a key twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cluster-conf/spark-defaults.conf", "docker/spark-demo.conf"})
    void jvmFlagsAreCleavesAndThreadsMatchTheTaskCores(String file) throws IOException {
        List<String> flags = JvmFlags.flags();
        Properties p = load(file);
        for (String key : List.of("spark.driver.extraJavaOptions", "spark.executor.extraJavaOptions")) {
            String options = p.getProperty(key);
            List<String> missing = flags.stream().filter(f -> !List.of(options.split(" ")).contains(f)).toList();
            assertEquals(List.of(), missing, key + " lacks flags of " + JvmFlags.file());
            assertEquals(addOpens(String.join(" ", flags)), addOpens(options), key + ": --add-opens beyond the list");
        }
        List<String> executor = Arrays.asList(p.getProperty("spark.executor.extraJavaOptions").split(" "));
        assertTrue(executor.contains("-Dai.djl.pytorch.num_threads=" + p.getProperty("spark.task.cpus")), file);
    }

    @Test
    void kryoGpusMemoryAndCache() throws IOException {
        Properties p = load("cluster-conf/spark-defaults.conf");
        assertEquals(KryoSerializer.class.getName(), p.getProperty("spark.serializer"));
        assertEquals(CleaveKryoRegistrator.class.getName(), p.getProperty("spark.kryo.registrator"));
        assertEquals("true", p.getProperty("spark.kryo.registrationRequired"));
        assertEquals("1", p.getProperty("spark.executor.resource.gpu.amount"));
        assertEquals("1", p.getProperty("spark.task.resource.gpu.amount"));
        assertEquals(p.getProperty("spark.executor.cores"), p.getProperty("spark.task.cpus"), "one task per GPU");
        String script = p.getProperty("spark.executor.resource.gpu.discoveryScript");
        assertTrue(script.startsWith("/opt/cleave/"), script);
        Path inRepository = Repository.file(script.substring("/opt/cleave/".length()));
        assertTrue(Files.isExecutable(inRepository), inRepository + " must exist and be executable");
        for (String dockerfile : List.of("docker/Dockerfile", "docker/Dockerfile.cuda")) {
            String text = Files.readString(Repository.file(dockerfile));
            assertTrue(text.contains("COPY cluster-conf /opt/cleave/cluster-conf"), dockerfile);
        }
        assertTrue(p.getProperty("spark.executor.memoryOverhead").matches("\\d+g"));
        String cache = p.getProperty("spark.executorEnv.DJL_CACHE_DIR");
        assertTrue(p.getProperty("spark.executor.extraJavaOptions").contains("-DDJL_CACHE_DIR=" + cache));
        assertTrue(Files.readString(Repository.file("docker/Dockerfile.cuda")).contains("DJL_CACHE_DIR=" + cache));
        List<String> envKeys = new ArrayList<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("spark.executorEnv.")).sorted().forEach(envKeys::add);
        assertEquals(List.of("spark.executorEnv.DJL_CACHE_DIR", "spark.executorEnv.DJL_OFFLINE",
                "spark.executorEnv.TORCH_CPP_LOG_LEVEL"), envKeys);
    }
}
