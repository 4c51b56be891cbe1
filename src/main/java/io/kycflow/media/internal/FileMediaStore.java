package io.kycflow.media.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

import io.kycflow.storage.DurableFiles;

/** The embedded default: one file per blob under the data directory, written atomically and fsynced. */
final class FileMediaStore implements MediaStore {

    private static final Pattern KEY = Pattern.compile("media(/[0-9a-f-]{36}){3}");

    private final Path root;

    FileMediaStore(Path dataDirectory) {
        this.root = dataDirectory.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, byte[] sealed) {
        try {
            DurableFiles.writeAtomically(path(key), sealed);
        } catch (IOException e) {
            throw new MediaStore.Failure("media blob " + key + " could not be written: " + e, e);
        }
    }

    @Override
    public byte[] get(String key) {
        try {
            return Files.readAllBytes(path(key));
        } catch (NoSuchFileException e) {
            throw new MediaStore.Missing(key);
        } catch (IOException e) {
            throw new MediaStore.Failure("media blob " + key + " could not be read: " + e, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException e) {
            throw new MediaStore.Failure("media blob " + key + " could not be deleted: " + e, e);
        }
    }

    @Override
    public String describe() {
        return "folder " + root.resolve("media");
    }

    /** Keys are made of ids only; anything else (a key altered in the database) never becomes a path. */
    Path path(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a media storage key: " + key);
        }
        return root.resolve(key);
    }
}
