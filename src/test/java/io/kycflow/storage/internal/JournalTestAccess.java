package io.kycflow.storage.internal;

import java.util.List;

import io.kycflow.storage.GroupCommittedTable;

/** Lets tests elsewhere write a journal segment as the application would (the record format is internal). */
public final class JournalTestAccess {

    private JournalTestAccess() {
    }

    public static <R> byte[] encode(List<R> rows, GroupCommittedTable<R> table) {
        var buffer = JournalRecords.encode(rows, table);
        var bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
