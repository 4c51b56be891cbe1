package io.kycflow.storage;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The values of one journaled row, written in the order {@link JournalInput} reads them back. */
public interface JournalOutput {

    JournalOutput uuid(@Nullable UUID value);

    JournalOutput string(@Nullable String value);

    JournalOutput bool(@Nullable Boolean value);

    JournalOutput timestamp(@Nullable OffsetDateTime value);
}
