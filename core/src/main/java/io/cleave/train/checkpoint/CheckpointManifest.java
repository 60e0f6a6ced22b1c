package io.cleave.train.checkpoint;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@code MANIFEST.json} that makes a checkpoint directory complete: every other file of the directory with its
 * size and SHA-256, written last and atomically (to a temporary file, flushed, then renamed):
 * <pre>
 * {"files": [{"name": "model.safetensors", "size": 331904, "sha256": "9f0c..."}, ...]}
 * </pre>
 * {@link #verify} re-reads every listed file, so a torn write (a truncated file, a missing manifest) or a later
 * corruption (a flipped byte) is found before the checkpoint is trusted.
 */
public final class CheckpointManifest {

    /** The manifest's file name inside a checkpoint directory. */
    public static final String FILE_NAME = "MANIFEST.json";

    private static final String TEMP_NAME = FILE_NAME + ".tmp";

    private CheckpointManifest() {}

    /** Hashes every regular file of {@code dir} and writes the manifest into it atomically. */
    public static void write(Path dir) throws IOException {
        JsonArray files = new JsonArray();
        for (Map.Entry<String, Path> file : listed(dir).entrySet()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("name", file.getKey());
            entry.addProperty("size", Files.size(file.getValue()));
            entry.addProperty("sha256", sha256(file.getValue()));
            files.add(entry);
        }
        JsonObject manifest = new JsonObject();
        manifest.add("files", files);
        Path temp = dir.resolve(TEMP_NAME);
        Files.writeString(temp, new GsonBuilder().setPrettyPrinting().create().toJson(manifest) + "\n",
                StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temp, dir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Checks {@code dir} against its manifest.
     *
     * @return empty when every listed file exists with its size and hash; otherwise the first problem, naming the
     *     file (the manifest itself when it is missing or malformed)
     */
    public static Optional<String> verify(Path dir) {
        Path manifestFile = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(manifestFile)) {
            return Optional.of(manifestFile + " is missing");
        }
        JsonArray files;
        try {
            JsonElement root = JsonParser.parseString(Files.readString(manifestFile, StandardCharsets.UTF_8));
            files = root.getAsJsonObject().getAsJsonArray("files");
            if (files == null || files.isEmpty()) {
                return Optional.of(manifestFile + " lists no files");
            }
        } catch (IOException | JsonParseException | IllegalStateException | ClassCastException e) {
            return Optional.of(manifestFile + " is unreadable: " + e.getMessage());
        }
        for (JsonElement element : files) {
            try {
                JsonObject entry = element.getAsJsonObject();
                Path file = dir.resolve(entry.get("name").getAsString());
                if (!Files.isRegularFile(file)) {
                    return Optional.of(file + " is missing");
                }
                long size = Files.size(file);
                long expectedSize = entry.get("size").getAsLong();
                if (size != expectedSize) {
                    return Optional.of(file + " has " + size + " bytes, the manifest lists " + expectedSize);
                }
                if (!sha256(file).equals(entry.get("sha256").getAsString())) {
                    return Optional.of(file + " does not match its SHA-256 in the manifest");
                }
            } catch (IOException | RuntimeException e) {
                return Optional.of(manifestFile + " entry " + element + " cannot be checked: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    private static Map<String, Path> listed(Path dir) throws IOException {
        Map<String, Path> out = new LinkedHashMap<>();
        try (Stream<Path> children = Files.list(dir)) {
            children.filter(Files::isRegularFile).sorted()
                    .filter(p -> !p.getFileName().toString().equals(FILE_NAME)
                            && !p.getFileName().toString().equals(TEMP_NAME))
                    .forEach(p -> out.put(p.getFileName().toString(), p));
        }
        return out;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
