package io.kycflow.storage.internal;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.kycflow.storage.GroupCommittedTable;
import io.kycflow.storage.JournalInput;
import io.kycflow.storage.JournalOutput;

/** A table that only encodes and decodes rows, for tests of the journal's format (it stores nothing). */
public record CodecTable<R>(String name, BiConsumer<R, JournalOutput> writer, Function<JournalInput, R> reader)
        implements GroupCommittedTable<R> {

    @Override
    public void insert(List<R> rows) {
    }

    @Override
    public boolean restore(R row) {
        return false;
    }

    @Override
    public void delete(List<R> rows) {
    }

    @Override
    public void write(R row, JournalOutput out) {
        writer.accept(row, out);
    }

    @Override
    public R read(JournalInput in) {
        return reader.apply(in);
    }
}
