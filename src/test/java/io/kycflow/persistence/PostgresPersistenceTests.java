package io.kycflow.persistence;

import io.kycflow.support.EmbeddedPostgresSupport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The persistence contract on a real PostgreSQL server (profile {@code postgres}), in a database of its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles({"test", "postgres"})
class PostgresPersistenceTests extends PersistenceContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresSupport.registerNewDatabase(registry);
    }

    @Override
    String expectedDatabase() {
        return "PostgreSQL";
    }
}
