package io.kycflow.persistence;

import io.kycflow.IntegrationTest;

/** The persistence contract on the embedded default database (H2 file mode), in the shared application context. */
@IntegrationTest
class H2PersistenceTests extends PersistenceContract {

    @Override
    String expectedDatabase() {
        return "H2";
    }
}
