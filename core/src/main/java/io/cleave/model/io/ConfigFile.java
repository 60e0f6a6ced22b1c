package io.cleave.model.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.ToNumberPolicy;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Reads and writes {@code config.json} as a plain map, with errors that name the file. */
final class ConfigFile {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting()
            .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).create();

    private ConfigFile() {}

    static Map<String, Object> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException("missing " + file);
        }
        try {
            Map<String, Object> json = GSON.fromJson(Files.readString(file), new TypeToken<Map<String, Object>>() {}.getType());
            if (json == null) {
                throw new ModelLoadException(file + ": empty file");
            }
            return json;
        } catch (JsonParseException e) {
            throw new ModelLoadException(file + ": malformed JSON (" + rootMessage(e) + ")", e);
        } catch (IOException e) {
            throw new ModelLoadException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    static String toJson(Map<String, Object> json) {
        return GSON.toJson(json) + "\n";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
