package io.cleave.tests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import io.cleave.cli.CleaveCli;
import io.cleave.model.Policy;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The module and package structure, checked on the compiled main classes of {@code core} and {@code spark-jobs}
 * (everything the product ships; {@code bench} is one package nothing depends on): no cycle between any two
 * {@code io.cleave} packages, and {@code core} free of Spark, Scala and the Spark module's packages.
 */
class ArchitectureTest {

    /** The main classes of {@code core} and {@code spark-jobs}, read from the directory or jar of each. */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .importLocations(Set.of(locationOf(Policy.class), locationOf(CleaveCli.class)));

    @Test
    void theImportSeesBothModules() {
        Set<String> packages = MAIN.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
        assertTrue(packages.contains("io.cleave.model") && packages.contains("io.cleave.spark.train")
                && packages.contains("io.cleave.cli"), "imported packages: " + packages);
        assertTrue(MAIN.size() > 300, "imported classes: " + MAIN.size());
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.cleave.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void coreIsFreeOfSpark() {
        JavaClasses core = new ClassFileImporter().importLocations(Set.of(locationOf(Policy.class)));
        assertTrue(core.contain(Policy.class) && !core.contain(CleaveCli.class), "core alone: " + core.size());
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..",
                "io.cleave.spark..", "io.cleave.cli..", "io.cleave.report..").check(core);
    }

    /** The directory or jar {@code type} was loaded from. */
    private static Location locationOf(Class<?> type) {
        try {
            Path path = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(path)) {
                return Location.of(path);
            }
            try (JarFile jar = new JarFile(path.toFile())) {
                return Location.of(jar);
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot locate the classes of " + type, e);
        }
    }
}
