package io.kycflow.storage;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The values of one journaled row, read in the order they were written; a value of another type than the one
 * asked for is a damaged record.
 */
public interface JournalInput {

    /** How many values the row holds: a row's layout may grow, and a journal written before must still replay. */
    int count();

    @Nullable UUID uuid();

    @Nullable String string();

    @Nullable Boolean bool();

    @Nullable OffsetDateTime timestamp();
}
