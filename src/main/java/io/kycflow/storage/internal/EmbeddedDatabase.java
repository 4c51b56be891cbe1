package io.kycflow.storage.internal;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;

/** What the embedded H2 file database needs beyond the settings in its URL. */
@Configuration(proxyBeanMethods = false)
class EmbeddedDatabase {

    /**
     * Replaces Spring Boot's transaction manager (which backs off). Registered on every database, with no condition
     * on the URL: an AOT-processed build fixes its conditions at build time, and {@link DurableCommits} finds out at
     * its first commit whether the database is an embedded store with a write delay; on any other it only commits.
     */
    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource, ObjectProvider<TransactionManagerCustomizers> customizers) {
        var manager = new DurableCommits(dataSource);
        customizers.ifAvailable(c -> c.customize(manager));
        return manager;
    }
}
