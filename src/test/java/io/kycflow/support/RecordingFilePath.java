package io.kycflow.support;

import java.io.IOException;
import java.nio.channels.FileChannel;

import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;
import org.jspecify.annotations.Nullable;

/**
 * An H2 file system, {@code recording:}, over the disk: a database URL such as
 * {@code jdbc:h2:recording:/data/db/kycflow} has H2 write its store through {@link RecordingChannel}s, so a test
 * sees H2's writes and forces without any hook in the application. H2 makes an instance per path, so the events
 * go to one place per JVM, set with {@link #recordInto}.
 */
public class RecordingFilePath extends FilePathWrapper {

    private static volatile @Nullable DiskEvents events;

    /** Registers the file system (once per JVM is enough) and sends what it sees to {@code into}. */
    public static void recordInto(DiskEvents into) {
        events = into;
        FilePath.register(new RecordingFilePath());
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        var channel = super.open(mode);
        var into = events;
        return into == null ? channel : new RecordingChannel(channel, name, into);
    }

    @Override
    public String getScheme() {
        return "recording";
    }
}
