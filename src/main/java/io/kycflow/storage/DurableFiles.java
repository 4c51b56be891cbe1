package io.kycflow.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;

/**
 * Writes a file so that it is either absent or complete, and on the disk when the call returns: a temporary file
 * beside it (readable by its owner only), fsync, an atomic rename, then fsync of every folder whose entries changed
 * (the rename's, and those of folders created on the way), since a rename is durable only once its folder is.
 */
public final class DurableFiles {

    private DurableFiles() {
    }

    public static void writeAtomically(Path target, byte[] content) throws IOException {
        var folder = target.toAbsolutePath().getParent();
        var created = createFolders(folder);
        var temporary = Files.createTempFile(folder, "." + target.getFileName(), ".tmp", ownerOnly(folder));
        try {
            try (var channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                var buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        syncFolder(folder);
        for (var parent : created) {
            syncFolder(parent);
        }
    }

    /** Creates the missing folders; answers the parents whose entries changed, innermost first. */
    private static ArrayList<Path> createFolders(Path folder) throws IOException {
        var changed = new ArrayList<Path>();
        var missing = folder;
        while (missing.getParent() != null && !Files.isDirectory(missing)) {
            changed.add(missing.getParent());
            missing = missing.getParent();
        }
        Files.createDirectories(folder, ownerOnlyFolder(folder));
        return changed;
    }

    /** Forces a folder's entries to the disk; where the platform cannot open a folder (Windows) it is left to it. */
    public static void syncFolder(Path folder) throws IOException {
        try (var channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (posix(folder)) {
                throw e;
            }
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path folder) {
        return posix(folder) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------"))} : new FileAttribute<?>[0];
    }

    private static FileAttribute<?>[] ownerOnlyFolder(Path folder) {
        return posix(folder) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------"))} : new FileAttribute<?>[0];
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
