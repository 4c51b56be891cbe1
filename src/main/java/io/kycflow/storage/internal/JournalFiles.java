package io.kycflow.storage.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/**
 * How the session journal opens its segments and its directory: {@link FileChannel#open} unless a bean says
 * otherwise. A seam for tests, which wrap the channels to see the order of writes, forces and acknowledgements.
 */
@FunctionalInterface
public interface JournalFiles {

    JournalFiles DISK = FileChannel::open;

    FileChannel open(Path path, OpenOption... options) throws IOException;
}
