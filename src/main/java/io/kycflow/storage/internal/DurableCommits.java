package io.kycflow.storage.internal;

import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.util.function.SingletonSupplier;

/**
 * The transaction manager of the embedded default: a transaction that wrote something is written to the file and
 * forced to the disk (fsync) when its commit returns, although H2 runs with a write delay (see
 * {@link EmbeddedStore}); so it is acknowledged only once it would survive an OS crash or a power loss.
 * Concurrent commits share a force. Transactions that only read, and the journaled session writes (the journal
 * forces those), are not flushed.
 */
final class DurableCommits extends JdbcTransactionManager {

    private final Supplier<Optional<EmbeddedStore>> store; // looked up at the first commit, once the database is up

    DurableCommits(DataSource dataSource) {
        super(dataSource);
        this.store = SingletonSupplier.of(() -> EmbeddedStore.withWriteDelay(dataSource));
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        boolean flush = !status.isReadOnly() && !EmbeddedStore.JOURNALED_TRANSACTION.equals(status.getTransactionName())
                && wrote(status);
        super.doCommit(status);
        if (flush) {
            store.get().ifPresent(EmbeddedStore::flush);
        }
    }

    private static boolean wrote(DefaultTransactionStatus status) {
        try {
            var transaction = (JdbcTransactionObjectSupport) status.getTransaction();
            return EmbeddedStore.hasUncommittedChanges(transaction.getConnectionHolder().getConnection());
        } catch (SQLException | ClassCastException e) {
            return true; // when in doubt, flush
        }
    }
}
