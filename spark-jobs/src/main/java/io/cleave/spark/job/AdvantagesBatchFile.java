package io.cleave.spark.job;

import io.cleave.algo.advantage.AdvantagesJson;
import io.cleave.algo.advantage.AdvantagesRequest;
import io.cleave.cli.UserException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a batch in the advantages JSON format ({@code docs/advantages-json.md}) from a file; every problem becomes a
 * {@link UserException} whose one-line message starts with the file's path.
 */
final class AdvantagesBatchFile {

    private AdvantagesBatchFile() {}

    /** The parsed batch of {@code file}. */
    static AdvantagesRequest read(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserException(file + ": input file does not exist");
        } catch (IOException e) {
            throw new UserException(file + ": cannot read the input file: " + firstLine(e.toString()));
        }
        try {
            return AdvantagesJson.parse(json);
        } catch (IllegalArgumentException e) {
            throw new UserException(file + ": " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }
}
