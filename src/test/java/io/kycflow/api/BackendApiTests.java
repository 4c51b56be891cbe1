package io.kycflow.api;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The Backend Integration API on H2, with the face models when fetched. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kycflow.backend.requests-per-minute=5", BackendApiContract.MODELS_PROPERTIES})
@ActiveProfiles("test")
class BackendApiTests extends BackendApiContract {
}
