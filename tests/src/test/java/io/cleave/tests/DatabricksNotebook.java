package io.cleave.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a notebook in Databricks source format: first line {@code // Databricks notebook source}, cells separated
 * by {@code // COMMAND ----------} lines, markdown cells written as {@code // MAGIC} lines.
 */
final class DatabricksNotebook {

    static final String HEADER = "// Databricks notebook source";
    static final String SEPARATOR = "// COMMAND ----------";
    private static final String MAGIC = "// MAGIC";

    private DatabricksNotebook() {}

    /**
     * The code cells of {@code file}, in order (markdown and other magic cells left out).
     *
     * @throws IllegalArgumentException when the file does not start with the header line
     */
    static List<String> codeCells(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.startsWith(HEADER + "\n")) {
            throw new IllegalArgumentException(file + " does not start with '" + HEADER + "'");
        }
        List<String> cells = new ArrayList<>();
        for (String cell : text.substring(HEADER.length() + 1).split("\n" + SEPARATOR + "\n")) {
            boolean magic = Arrays.stream(cell.split("\n")).filter(l -> !l.isBlank())
                    .allMatch(l -> l.startsWith(MAGIC));
            if (!magic) {
                cells.add(cell.strip());
            }
        }
        return cells;
    }
}
