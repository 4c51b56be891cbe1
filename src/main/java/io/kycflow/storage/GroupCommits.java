package io.kycflow.storage;

import java.nio.file.Path;

import javax.sql.DataSource;

import io.kycflow.storage.internal.EmbeddedStore;
import io.kycflow.storage.internal.Journal;
import io.kycflow.storage.internal.JournalFiles;
import io.kycflow.storage.internal.StorageProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the {@link GroupCommit} of a table. Declare the result as a bean: its lifecycle replays the table's
 * journal before it takes rows and closes the journal after the last batch.
 */
@Component
public class GroupCommits {

    private final DataSource dataSource;
    private final PlatformTransactionManager transactionManager;
    private final StorageProperties properties;
    private final Path journalDirectory;
    private final JournalFiles files;

    GroupCommits(DataSource dataSource, PlatformTransactionManager transactionManager, StorageProperties properties,
                 @Value("${kycflow.data-dir}") Path dataDirectory, ObjectProvider<JournalFiles> files) {
        this.dataSource = dataSource;
        this.transactionManager = transactionManager;
        this.properties = properties;
        this.journalDirectory = dataDirectory.resolve("journal");
        this.files = files.getIfAvailable(() -> JournalFiles.DISK);
    }

    public <R> GroupCommit<R> of(GroupCommittedTable<R> table) {
        var transactions = new TransactionTemplate(transactionManager);
        var journaled = new TransactionTemplate(transactionManager);
        journaled.setName(EmbeddedStore.JOURNALED_TRANSACTION);
        // decided at start, once the database is up: only an embedded store with a write delay needs the journal
        return new GroupCommit<>(table, transactions, journaled, () -> EmbeddedStore.withWriteDelay(dataSource)
                .map(store -> new Journal<>(table, store, transactions, journalDirectory, properties.journalCheckpoint(), files))
                .orElse(null));
    }
}
