package io.kycflow.session.internal;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** The expiry sweeper on the embedded default (H2 file database). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"kycflow.data-dir=target/test-data/sweeper-${random.uuid}", "kycflow.demo.enabled=false"})
@Import(ExpirySweeperContract.Recorder.class)
class H2ExpirySweeperTests extends ExpirySweeperContract {
}
