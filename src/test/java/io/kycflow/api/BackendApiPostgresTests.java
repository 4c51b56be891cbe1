package io.kycflow.api;

import io.kycflow.support.EmbeddedPostgresSupport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Backend Integration API with its audit table on a real PostgreSQL server (profile {@code postgres}). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kycflow.backend.requests-per-minute=5", BackendApiContract.MODELS_PROPERTIES})
@ActiveProfiles({"test", "postgres"})
class BackendApiPostgresTests extends BackendApiContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresSupport.registerNewDatabase(registry);
    }
}
