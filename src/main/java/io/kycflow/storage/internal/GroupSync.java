package io.kycflow.storage.internal;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Forces a file to the disk on behalf of every thread that needs it, one force at a time, shared when they
 * overlap. A caller has written what it needs forced, then calls {@link #sync()}, which returns once a force that
 * started after the call has completed: its own, or one that a thread waiting alongside it started. A force
 * already under way when the caller arrives may have started before the caller's write and does not count; the
 * caller waits for it to end, and then one of the threads that waited forces once for all of them.
 * <p>
 * A failed force throws in the thread that ran it; the others try again with a force of their own.
 */
final class GroupSync {

    private final Runnable force;
    private final ReentrantLock lock = new ReentrantLock(); // not synchronized: callers may be virtual threads
    private final Condition ended = lock.newCondition();
    private long started; // forces started so far; the n-th started force has number n
    private long completed; // the number of the latest force that completed (every write before it began is forced)
    private boolean forcing;

    GroupSync(Runnable force) {
        this.force = force;
    }

    void sync() {
        lock.lock();
        try {
            long needed = started + 1; // the next force to start is the first that certainly covers the caller
            while (completed < needed) {
                if (forcing) {
                    ended.awaitUninterruptibly();
                    continue;
                }
                long mine = ++started;
                forcing = true;
                boolean forced = false;
                lock.unlock();
                try {
                    force.run();
                    forced = true;
                } finally {
                    lock.lock();
                    forcing = false;
                    if (forced) {
                        completed = mine;
                    }
                    ended.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }
}
