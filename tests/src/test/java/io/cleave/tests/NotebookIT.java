package io.cleave.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cleave.tests.harness.TestClasspath;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.CollectionConverters;
import scala.tools.nsc.Settings;
import scala.tools.nsc.interpreter.IMain;
import scala.tools.nsc.interpreter.Results;
import scala.tools.nsc.interpreter.shell.ReplReporterImpl;

/**
 * Runs the code cells of {@code cluster-conf/notebooks/cleave-quickstart.scala} in order in the Scala 2.13
 * interpreter against a {@code local[2]} SparkSession bound to {@code spark}, as Databricks binds it; a cell that
 * does not compile or throws fails the test with its output. The run directory is set with {@code cleave.runDir}.
 */
class NotebookIT {

    private static final Path NOTEBOOK = Path.of("..", "cluster-conf", "notebooks", "cleave-quickstart.scala");

    @TempDir
    Path tmp;

    @Test
    void quickstartNotebookRunsCellByCell() throws Exception {
        List<String> cells = DatabricksNotebook.codeCells(NOTEBOOK);
        assertTrue(cells.size() >= 5, "code cells: " + cells.size());
        Path runDir = tmp.resolve("run");
        System.setProperty("cleave.runDir", runDir.toString());
        SparkSession spark = SparkSession.builder().master("local[2]").appName("cleave-notebook-it")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        StringWriter output = new StringWriter();
        IMain repl = new IMain(settings(), new ReplReporterImpl(settings(), new PrintWriter(output, true)));
        try {
            assertEquals(Results.Success$.MODULE$, repl.bind("spark", "org.apache.spark.sql.SparkSession", spark,
                    CollectionConverters.asScala(List.<String>of()).toList()), output.toString());
            assertNotEquals(Results.Success$.MODULE$, repl.interpret("throw new IllegalStateException(\"boom\")"),
                    "a throwing cell must fail");
            for (int i = 0; i < cells.size(); i++) {
                int before = output.getBuffer().length();
                Results.Result result = repl.interpret(cells.get(i));
                if (result != Results.Success$.MODULE$) {
                    fail("notebook cell " + (i + 1) + " of " + cells.size() + " failed (" + result + "):\n"
                            + cells.get(i) + "\n--- output ---\n" + output.getBuffer().substring(before));
                }
            }
            assertEquals(2, Files.readAllLines(runDir.resolve("metrics.jsonl")).size());
            assertTrue(Files.exists(runDir.resolve("model/model/config.json")));
            assertEquals(0L, repl.valueOfTerm("differing").get(), "responses after save and load");
        } finally {
            repl.close();
            spark.stop();
            System.clearProperty("cleave.runDir");
        }
    }

    /** Interpreter settings with the test JVM's classpath. */
    private static Settings settings() {
        Settings settings = new Settings();
        String classpath = TestClasspath.entries().stream().map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
        settings.processArguments(CollectionConverters.asScala(List.of("-classpath", classpath)).toList(), true);
        return settings;
    }
}
