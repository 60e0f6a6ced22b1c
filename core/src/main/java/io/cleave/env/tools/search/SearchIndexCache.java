package io.cleave.env.tools.search;

import io.cleave.env.io.JsonlRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shared, read-only {@link SearchIndex} per corpus per JVM, so every rollout thread (or Spark task) of an
 * executor reuses the same index. Keys: a corpus file by its real path, size and modification time (an edited file
 * is re-indexed); in-memory documents by a SHA-256 of their contents; an on-disk index by its real path. Entries
 * are kept for the life of the JVM. Thread-safe: concurrent first requests for one key build it once.
 */
public final class SearchIndexCache {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexCache.class);
    private static final Map<String, SearchIndex> CACHE = new ConcurrentHashMap<>();

    private SearchIndexCache() {}

    /**
     * The index of the JSON Lines corpus {@code file}, built on first use. Malformed lines are logged and skipped.
     *
     * @throws IllegalArgumentException if the file does not exist or has no usable line (message lists the errors)
     */
    public static SearchIndex forCorpusFile(Path file) {
        String key = "file:" + fileKey(file);
        return CACHE.computeIfAbsent(key, k -> {
            JsonlRows<CorpusDocument> rows = CorpusReader.read(file);
            List<CorpusDocument> docs = rows.requireRows("documents");
            LOG.info("indexed {} documents of {} ({} bad lines skipped)", docs.size(), file, rows.errors().size());
            return SearchIndex.inMemory(docs);
        });
    }

    /** The index of {@code documents}, built on first use of this exact content. */
    public static SearchIndex forDocuments(List<CorpusDocument> documents) {
        return CACHE.computeIfAbsent("docs:" + fingerprint(documents), k -> SearchIndex.inMemory(documents));
    }

    /** The on-disk index in folder {@code dir}, opened on first use. */
    public static SearchIndex forDirectory(Path dir) {
        return CACHE.computeIfAbsent("dir:" + realPath(dir), k -> SearchIndex.openFromDisk(dir));
    }

    /** A SHA-256 hex digest of the documents' ids, titles and texts, in order. */
    public static String fingerprint(List<CorpusDocument> documents) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (CorpusDocument d : documents) {
                for (String part : new String[] {d.id(), d.title(), d.text()}) {
                    sha.update(part.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String fileKey(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("corpus file not found: " + file.toAbsolutePath());
        }
        try {
            return realPath(file) + ":" + Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stat corpus " + file, e);
        }
    }

    private static String realPath(Path path) {
        try {
            return Files.exists(path) ? path.toRealPath().toString() : path.toAbsolutePath().normalize().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + path, e);
        }
    }
}
