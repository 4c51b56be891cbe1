package io.kycflow.cabinet;

import io.kycflow.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-address limit: after {@code max-failures-per-ip} failed sign-ins (any e-mails, known or not), further
 * attempts from that address get 429 before any password is checked. Its own context, so the limit it exhausts does
 * not touch other tests.
 */
@IntegrationTest
@TestPropertySource(properties = "kycflow.cabinet.max-failures-per-ip=3")
class LoginThrottleTests {

    @LocalServerPort
    int port;

    @Test
    void anAddressThatKeepsFailingIsRefusedWith429() {
        var client = new CabinetClient(port);
        for (int i = 0; i < 3; i++) {
            assertThat(client.login("nobody-" + i + "@example.com", "wrong password " + i)).endsWith("/cabinet/login?error");
        }
        client.get("/cabinet/login");
        var refused = client.post("/cabinet/login", "username", "someone@example.com", "password", "any password at all");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("Too many sign-in attempts");
    }
}
