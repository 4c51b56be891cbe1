package io.kycflow.session;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param publicBaseUrl base of the links handed to end users ({@code verification_url}); set it to the public
 *                      address when the server runs behind a proxy
 * @param maxMetadata   largest {@code metadata} object a session may carry (serialized JSON)
 * @param sweepInterval how often open sessions past their TTL are moved to EXPIRED (reads also expire them)
 * @param sweepBatch    sessions expired per transaction by the sweeper
 */
@ConfigurationProperties("kycflow.session")
public record SessionProperties(@DefaultValue("http://localhost:8080") String publicBaseUrl,
                                @DefaultValue("4KB") DataSize maxMetadata,
                                @DefaultValue("30s") java.time.Duration sweepInterval,
                                @DefaultValue("500") int sweepBatch) {

    public String verificationUrl(java.util.UUID sessionId) {
        var base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        return base + "/flow/" + sessionId;
    }
}
