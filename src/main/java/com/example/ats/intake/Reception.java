package com.example.ats.intake;

import com.example.ats.encryption.DataKey;
import com.example.ats.storage.ObjectStore;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An intake request as it was received: how often each part came, the application part, and the files, already in
 * the store under keys of this application. Closing removes the local copies, and the stored objects unless
 * {@link #keep()} said the application that references them was committed: all or nothing.
 */
public final class Reception implements AutoCloseable {

    private final ObjectStore store;
    private final UUID applicationId;
    private final Optional<DataKey> dataKey;
    private final Map<String, Integer> partCounts = new LinkedHashMap<>();
    private final Set<String> notFiles = new LinkedHashSet<>();
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<IncomingFile> files = new ArrayList<>();
    private final List<Path> copies = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private String form;
    private boolean formTooLarge;
    private boolean kept;

    Reception(ObjectStore store, UUID applicationId, Optional<DataKey> dataKey) {
        this.store = store;
        this.applicationId = applicationId;
        this.dataKey = dataKey;
    }

    public UUID applicationId() {
        return applicationId;
    }

    /** The key the files are encrypted with, kept with the application; empty when encryption is off. */
    Optional<DataKey> dataKey() {
        return dataKey;
    }

    /** Counts a part; returns how often a part of this name came, this one included. */
    int arrived(String part) {
        return partCounts.merge(part, 1, Integer::sum);
    }

    Map<String, Integer> partCounts() {
        return partCounts;
    }

    void form(String json, boolean tooLarge) {
        this.form = json;
        this.formTooLarge = tooLarge;
    }

    String form() {
        return form;
    }

    boolean formTooLarge() {
        return formTooLarge;
    }

    void field(String name, String value) {
        fields.put(name, value);
    }

    /** The apply page's text fields as sent (only those it reads). */
    public Map<String, String> fields() {
        return fields;
    }

    /** A file part sent as a plain field, without a file name. */
    void notAFile(String part) {
        notFiles.add(part);
    }

    Set<String> notFiles() {
        return notFiles;
    }

    /** The names of local copies, for {@link LeftoverCopies}. */
    static final String COPY_PATTERN = "intake-*.part";

    /** A local copy to remove on close; registered before a byte is written to it. */
    Path newCopy(Path directory) {
        try {
            Files.createDirectories(directory);
            Path copy = Files.createTempFile(directory, "intake-", ".part");
            copies.add(copy);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a file for a received part", e);
        }
    }

    /** An object to remove on close unless kept; registered before a byte is sent to it. */
    void storing(String key) {
        keys.add(key);
    }

    void add(IncomingFile file) {
        files.add(file);
    }

    /** The files in the order of {@link IntakeParts#FILES}, whatever order they came in. */
    public List<IncomingFile> files() {
        return files.stream()
                .sorted(Comparator.comparingInt(f -> IntakeParts.FILES.indexOf(f.part())))
                .toList();
    }

    /** The application referencing the stored objects was committed: they stay. */
    public void keep() {
        kept = true;
    }

    @Override
    public void close() {
        for (Path copy : copies) {
            try {
                Files.deleteIfExists(copy);
            } catch (IOException e) {
                Log.warnf("Could not remove a received part's local copy: %s", e.getMessage());
            }
        }
        if (!kept && !keys.isEmpty()) {
            try {
                store.delete(keys);
            } catch (RuntimeException e) {
                Log.warnf("Could not remove %d object(s) of a refused intake; the orphan sweep will", keys.size());
            }
        }
    }
}
