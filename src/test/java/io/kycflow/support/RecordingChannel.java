package io.kycflow.support;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/** A file channel that does what the one it wraps does and records its writes and forces in {@link DiskEvents}. */
public final class RecordingChannel extends FileChannel {

    private static final StackWalker STACK = StackWalker.getInstance();

    private final FileChannel channel;
    private final String file;
    private final DiskEvents events;

    public RecordingChannel(FileChannel channel, String file, DiskEvents events) {
        this.channel = channel;
        this.file = file;
        this.events = events;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        int written = channel.write(src);
        events.record(DiskEvents.Kind.WRITE, file, caller());
        return written;
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        int written = channel.write(src, position);
        events.record(DiskEvents.Kind.WRITE, file, caller());
        return written;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long written = channel.write(srcs, offset, length);
        events.record(DiskEvents.Kind.WRITE, file, caller());
        return written;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        var caller = caller();
        try {
            events.beforeForce(events.record(DiskEvents.Kind.FORCE_START, file, caller));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the force was held");
        }
        channel.force(metaData);
        events.record(DiskEvents.Kind.FORCE_END, file, caller);
    }

    /**
     * The application's class nearest to the call (outside the test's support), or else the first caller outside
     * the JDK (H2's background writer, say).
     */
    private static String caller() {
        return STACK.walk(frames -> {
            String outsideJdk = null;
            for (var name : (Iterable<String>) frames.map(StackWalker.StackFrame::getClassName)::iterator) {
                if (name.startsWith("io.kycflow.") && !name.startsWith("io.kycflow.support.")) {
                    return name;
                }
                if (outsideJdk == null && !name.startsWith("java.") && !name.startsWith("sun.")
                        && !name.startsWith("jdk.") && !name.startsWith("io.kycflow.support.")) {
                    outsideJdk = name;
                }
            }
            return outsideJdk == null ? "?" : outsideJdk;
        });
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return channel.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return channel.read(dsts, offset, length);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return channel.read(dst, position);
    }

    @Override
    public long position() throws IOException {
        return channel.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        channel.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return channel.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        channel.truncate(size);
        return this;
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return channel.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        return channel.transferFrom(src, position, count);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        return channel.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return channel.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return channel.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        channel.close();
    }
}
