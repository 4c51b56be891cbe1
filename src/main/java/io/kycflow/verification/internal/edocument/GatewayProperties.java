package io.kycflow.verification.internal.edocument;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The government e-document gateway ({@code kycflow.edocument.gateway.*}). Without {@code base-url}, PRODUCTION ED
 * steps are refused with {@code engine_unavailable}.
 *
 * @param baseUrl          the gateway's root, e.g. {@code https://edocs.gateway.example/api/}
 * @param clientId         sent with {@code clientSecret} as HTTP Basic credentials
 * @param clientSecret     never logged
 * @param connectTimeout   establishing the connection
 * @param readTimeout      the whole answer after sending
 * @param maxAttempts      tries of one lookup (a lookup is a read, so retrying is safe), 1 = no retry
 * @param backoff          wait before the first retry, doubled before each next one
 * @param failureThreshold consecutive failed lookups that open the circuit breaker
 * @param openDuration     how long an open breaker refuses lookups before one trial call (half-open)
 */
@ConfigurationProperties("kycflow.edocument.gateway")
public record GatewayProperties(@Nullable URI baseUrl, @Nullable String clientId, @Nullable String clientSecret,
                                @DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout,
                                @DefaultValue("3") int maxAttempts, @DefaultValue("200ms") Duration backoff,
                                @DefaultValue("5") int failureThreshold, @DefaultValue("30s") Duration openDuration) {

    public GatewayProperties {
        if (baseUrl != null && (!baseUrl.isAbsolute() || baseUrl.getHost() == null
                || !("https".equals(baseUrl.getScheme()) || "http".equals(baseUrl.getScheme())))) {
            throw new IllegalArgumentException("kycflow.edocument.gateway.base-url must be an absolute http(s) URL");
        }
        if (maxAttempts < 1 || maxAttempts > 10 || failureThreshold < 1) {
            throw new IllegalArgumentException("kycflow.edocument.gateway.max-attempts must be 1-10 and failure-threshold at least 1");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()
                || backoff.isNegative() || openDuration.isNegative()) {
            throw new IllegalArgumentException("kycflow.edocument.gateway timeouts must be positive");
        }
    }

    boolean configured() {
        return baseUrl != null;
    }

    @Override
    public String toString() { // the secret never reaches a log line or an error message
        return "GatewayProperties[baseUrl=" + baseUrl + ", clientId=" + clientId + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", maxAttempts=" + maxAttempts + "]";
    }
}
