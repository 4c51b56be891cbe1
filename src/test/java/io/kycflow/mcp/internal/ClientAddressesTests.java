package io.kycflow.mcp.internal;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which address the MCP rate limit counts: X-Forwarded-For only through configured proxies. */
class ClientAddressesTests {

    private static MockHttpServletRequest from(String peer, String forwardedFor) {
        var request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }

    @Test
    void withoutTrustedProxiesTheSocketPeerCountsAndTheHeaderIsIgnored() {
        var addresses = new ClientAddresses(List.of());
        assertThat(addresses.of(from("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void throughATrustedProxyTheRightMostUntrustedHopCounts() {
        var addresses = new ClientAddresses(List.of("10.0.0.0/8", "192.0.2.10"));
        // the client may prepend anything; only hops added by trusted proxies are believed
        assertThat(addresses.of(from("10.1.2.3", "1.1.1.1, 198.51.100.9, 192.0.2.10"))).isEqualTo("198.51.100.9");
        assertThat(addresses.of(from("10.1.2.3", null))).isEqualTo("10.1.2.3");
        assertThat(addresses.of(from("203.0.113.7", "198.51.100.9"))).as("peer not a trusted proxy").isEqualTo("203.0.113.7");
    }

    @Test
    void ipv6RangesMatchAndHostNamesAreNeverResolved() {
        var addresses = new ClientAddresses(List.of("fd00::/8"));
        assertThat(addresses.of(from("fd12::1", "2001:db8::5"))).isEqualTo("2001:db8::5");
        assertThat(addresses.of(from("fd12::1", "cafe, localhost"))).as("names are not addresses").isEqualTo("localhost");
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.example.com"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void impossiblePrefixLengthsAreRefusedAtStartNotPerRequest() {
        for (var bad : List.of("10.0.0.0/33", "10.0.0.0/-1", "fd00::/129", "10.0.0.0/x", "10.0.0.0/8/8")) {
            assertThatThrownBy(() -> new ClientAddresses(List.of(bad))).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
