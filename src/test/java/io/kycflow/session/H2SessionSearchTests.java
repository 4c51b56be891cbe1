package io.kycflow.session;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The session list on the embedded default's H2. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class H2SessionSearchTests extends SessionSearchContract {
}
