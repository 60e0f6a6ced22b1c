package io.cleave.tests.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.tests.harness.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code docker/Dockerfile} and {@code docker/Dockerfile.cuda} (not built here: no Docker engine): every file they
 * copy from the build context exists, both build the application in a Maven stage and run on Spark 4.0.1 offline,
 * and the CUDA flavour they install has a JNI library in the pytorch-jni jar the build resolves.
 */
class DockerfileTest {

    /** The instructions of a Dockerfile: comments dropped, continuation lines joined. */
    static List<String> instructions(String dockerfile) throws IOException {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(Repository.file(dockerfile))) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                instructions.add(current.append(trimmed).toString().strip());
                current.setLength(0);
            }
        }
        return instructions;
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker/Dockerfile", "docker/Dockerfile.cuda"})
    void everyCopiedFileExistsInTheBuildContext(String dockerfile) throws IOException {
        int copies = 0;
        for (String instruction : instructions(dockerfile)) {
            if (!instruction.startsWith("COPY ") || instruction.contains("--from=")) {
                continue;
            }
            List<String> words = Arrays.stream(instruction.split("\\s+")).skip(1)
                    .filter(w -> !w.startsWith("--")).toList();
            for (String source : words.subList(0, words.size() - 1)) {
                assertTrue(Files.exists(Repository.file(source)), dockerfile + ": " + source + " not in the repository");
                copies++;
            }
        }
        assertTrue(copies >= 6, dockerfile + " copies " + copies + " files");
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker/Dockerfile", "docker/Dockerfile.cuda"})
    void mavenBuildStageAndOfflineSparkRuntime(String dockerfile) throws IOException {
        List<String> instructions = instructions(dockerfile);
        List<String> froms = instructions.stream().filter(i -> i.startsWith("FROM ")).toList();
        assertEquals(2, froms.size(), dockerfile);
        assertTrue(froms.get(0).matches("FROM maven:3\\.9-eclipse-temurin-17 AS build"), froms.get(0));
        assertTrue(instructions.stream().anyMatch(i -> i.startsWith("RUN mvn -B -q -Dmaven.test.skip=true -pl "
                + "spark-jobs -am package")), dockerfile);
        String all = String.join("\n", instructions);
        assertTrue(all.contains("apache/spark:4.0.1"), dockerfile + " does not use Spark 4.0.1");
        assertTrue(all.contains("DJL_OFFLINE=true"), dockerfile);
        assertTrue(all.contains("COPY --from=build /src/spark-jobs/target/cleave.jar /opt/cleave/cleave.jar"));
        assertTrue(all.contains("/opt/cleave/cluster-conf/app-jars.sh /tmp/cleave-lib /opt/spark/jars"));
    }

    @Test
    void theCudaImageSwapsTheCpuNativesForAFlavourThePytorchJniJarSupports() throws IOException {
        String cuda = String.join("\n", instructions("docker/Dockerfile.cuda"));
        assertTrue(cuda.contains("grep -v '/pytorch-native-cpu-'"), "the CPU natives must leave the CUDA image");
        Matcher m = Pattern.compile("ai\\.djl\\.pytorch:pytorch-native-(cu\\d+):").matcher(cuda);
        assertTrue(m.find(), "no pytorch-native-cu* artifact in Dockerfile.cuda");
        String flavour = m.group(1);
        Path jni;
        try (Stream<Path> libs = Files.list(Repository.file("spark-jobs/target/lib"))) {
            jni = libs.filter(p -> p.getFileName().toString().startsWith("pytorch-jni-")).findFirst().orElseThrow();
        }
        try (JarFile jar = new JarFile(jni.toFile())) {
            assertTrue(jar.getEntry("jnilib/linux-x86_64/" + flavour + "/libdjl_torch.so") != null,
                    jni.getFileName() + " has no " + flavour + " JNI library for linux-x86_64");
        }
        assertTrue(cuda.contains("FROM nvidia/cuda:12.8"), "CUDA runtime 12.8 for the " + flavour + " natives");
    }
}
