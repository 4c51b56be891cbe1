package io.kycflow.session.internal;

import io.kycflow.support.EmbeddedPostgresSupport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The expiry sweeper on a real PostgreSQL server, in a database of its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles({"test", "postgres"})
@Import(ExpirySweeperContract.Recorder.class)
class PostgresExpirySweeperTests extends ExpirySweeperContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresSupport.registerNewDatabase(registry);
    }
}
