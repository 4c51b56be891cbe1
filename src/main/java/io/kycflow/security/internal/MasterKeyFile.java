package io.kycflow.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import io.kycflow.security.MasterKey;
import io.kycflow.storage.DurableFiles;
import org.springframework.boot.diagnostics.FailureAnalyzedException;

/**
 * The master key the embedded default generates for itself when none is configured: base64 in one file, readable
 * by its owner only, on the disk completely (see {@link DurableFiles}) before it is used, so a crash never leaves
 * media encrypted under a key that was not kept.
 */
final class MasterKeyFile {

    private final Path file;

    MasterKeyFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    boolean exists() {
        return Files.exists(file);
    }

    MasterKey read() {
        try {
            return MasterKey.fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException | IllegalArgumentException e) {
            var why = e instanceof IllegalArgumentException ? e.getMessage() : e.getClass().getSimpleName();
            throw new FailureAnalyzedException("The master key file " + file + " cannot be read or is damaged (" + why + ").",
                    "Restore " + file + " from your backup of the data directory: media stored under this key cannot be "
                            + "read without it. Do not delete the file to make the server start.");
        }
    }

    MasterKey create() {
        var bytes = new byte[MasterKey.LENGTH];
        new SecureRandom().nextBytes(bytes);
        var encoded = Base64.getEncoder().encodeToString(bytes);
        try {
            DurableFiles.writeAtomically(file, (encoded + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new FailureAnalyzedException("The master key file " + file + " could not be written ("
                    + e.getClass().getSimpleName() + ").", "Make the data directory (KYCFLOW_DATA_DIR) writable, or set KYCFLOW_MASTER_KEY.");
        }
        return MasterKey.fromBase64(encoded);
    }
}
