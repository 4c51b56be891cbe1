package io.kycflow.storage;

import java.util.List;

/**
 * A table whose new rows go through a {@link GroupCommit}, implemented by the module that owns the table: it
 * writes its own SQL and encodes its own rows for the journal; the group commit decides when, in which
 * transaction, and when a row counts as durable.
 *
 * @param <R> a new row, as the owning module's record
 */
public interface GroupCommittedTable<R> {

    /** A short lower-case name; the journal's segment files are named after it. */
    String name();

    /** Inserts the rows in the current transaction, with whatever the owner records beside them (events). */
    void insert(List<R> rows);

    /**
     * After a crash: inserts a journaled row in the current transaction unless it is stored already (it may have
     * changed since, and is kept as stored); true if it was inserted.
     */
    boolean restore(R row);

    /** Takes rows back out in the current transaction: their batch was committed but could not be made durable. */
    void delete(List<R> rows);

    /** Writes the row's values for the journal, in a fixed order. */
    void write(R row, JournalOutput out);

    /** Reads a row that {@link #write} wrote (or an earlier version of it: {@link JournalInput#count()} says). */
    R read(JournalInput in);
}
