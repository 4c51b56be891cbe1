package io.kycflow.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Runs a cache invalidation now and, inside a transaction, once more after it commits. */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static void run(Runnable invalidation) {
        invalidation.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    invalidation.run();
                }
            });
        }
    }
}
