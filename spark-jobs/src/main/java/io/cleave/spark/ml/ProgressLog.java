package io.cleave.spark.ml;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;

/** A {@link PrintStream} whose lines go to an SLF4J logger at INFO (the training job's progress lines). */
final class ProgressLog extends OutputStream {

    private final Logger log;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private ProgressLog(Logger log) {
        this.log = log;
    }

    /** A print stream logging each line it is given to {@code log}. */
    static PrintStream to(Logger log) {
        return new PrintStream(new ProgressLog(log), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            flushLine();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void close() {
        flushLine();
    }

    private void flushLine() {
        if (line.size() > 0) {
            log.info(line.toString(StandardCharsets.UTF_8));
            line.reset();
        }
    }
}
