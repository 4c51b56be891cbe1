package io.kycflow.remote;

import io.kycflow.IntegrationTest;

/** The captures API on the embedded default (H2 file database, file media store), in the shared test context. */
@IntegrationTest
class CapturesApiH2Tests extends CapturesApiContract {
}
