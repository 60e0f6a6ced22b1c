package io.cleave.tests.harness;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository checkout the tests run in: the parent of the tests module's base directory. */
public final class Repository {

    private Repository() {}

    /** The repository root (the folder holding {@code cluster-conf/} and the root {@code pom.xml}). */
    public static Path root() {
        Path basedir = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        for (Path dir = basedir; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("cluster-conf")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (with cluster-conf/ and pom.xml) above " + basedir);
    }

    /** {@code root().resolve(relative)}. */
    public static Path file(String relative) {
        return root().resolve(relative);
    }
}
