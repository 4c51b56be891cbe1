package io.kycflow.mcp;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param allowedOrigins  browser origins allowed to call {@code /mcp} ({@code *} matches any port); requests
 *                        without an Origin header (agents, CLIs) are always allowed
 * @param requestTimeout  how long a server-to-client request (an elicitation a person answers) may take
 * @param authEnabled     off only in the conformance profile, which binds to loopback
 */
@ConfigurationProperties("kycflow.mcp")
public record McpProperties(
        @DefaultValue RateLimit rateLimit,
        @DefaultValue({"http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*"}) List<String> allowedOrigins,
        @DefaultValue("10m") Duration requestTimeout,
        @DefaultValue("25s") Duration keepAliveInterval,
        @DefaultValue("true") boolean authEnabled) {

    /**
     * @param requestsPerMinute budget per client IP, applied before authentication
     * @param maxTrackedClients bound on the number of per-IP buckets kept in memory
     * @param trustedProxies    addresses or CIDR ranges of reverse proxies whose {@code X-Forwarded-For} is believed;
     *                          empty (the default) means the socket address is the client
     */
    public record RateLimit(@DefaultValue("60") int requestsPerMinute,
                            @DefaultValue("100000") int maxTrackedClients,
                            @DefaultValue List<String> trustedProxies) {
    }
}
