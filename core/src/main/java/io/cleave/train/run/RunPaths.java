package io.cleave.train.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Confines what a run writes to its run directory: a path inside it is resolved from a relative name, normalised,
 * and refused when it lands outside the directory (through {@code ..} segments, an absolute name, or a symbolic
 * link on the way that points elsewhere).
 */
public final class RunPaths {

    private RunPaths() {}

    /** {@code dir} as an absolute path without {@code .} or {@code ..} segments. */
    public static Path normalise(Path dir) {
        return dir.toAbsolutePath().normalize();
    }

    /**
     * {@code runDir.resolve(relative)}, checked to stay inside {@code runDir}.
     *
     * @throws IllegalArgumentException when the result would be outside the run directory or reaches outside it
     *     through a symbolic link
     */
    public static Path inside(Path runDir, String relative) {
        Path root = normalise(runDir);
        Path target = root.resolve(relative).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IllegalArgumentException("'" + relative + "' is not a path inside the run directory " + root);
        }
        Path realRoot = realPath(root);
        for (Path p = target; p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
            if (Files.isSymbolicLink(p) || Files.exists(p, LinkOption.NOFOLLOW_LINKS)
                    && !realPath(p).startsWith(realRoot)) {
                throw new IllegalArgumentException(p + " is a symbolic link or leads outside the run directory "
                        + root + "; refusing to write through it");
            }
        }
        return target;
    }

    private static Path realPath(Path p) {
        try {
            return Files.exists(p) ? p.toRealPath() : p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + p, e);
        }
    }
}
