package io.cleave.cli;

import io.cleave.report.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cleave report RUN_DIR}: writes {@code RUN_DIR/report.html} and its plots ({@link RunReport}). */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write RUN_DIR/report.html: training curves, phase times and trajectory trees with advantages.")
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a training run directory (run.dir)")
    Path runDir;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(runDir)) {
            throw new UserException("run directory not found: " + runDir);
        }
        Path page = RunReport.write(runDir);
        System.out.println("wrote " + page);
        return 0;
    }
}
