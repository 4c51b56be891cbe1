package io.kycflow.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param publicBaseUrl base of the links handed to end users ({@code verification_url}); set it to the public
 *                      address when the server runs behind a proxy
 * @param maxMetadata   largest {@code metadata} object a session may carry (serialized JSON)
 * @param journalCheckpoint on the embedded default, how often the store is written and forced to disk and the
 *                      journal of new sessions cut back (the journal holds at most this much; a restart replays it)
 */
@ConfigurationProperties("kycflow.session")
public record SessionProperties(@DefaultValue("http://localhost:8080") String publicBaseUrl,
                                @DefaultValue("4KB") DataSize maxMetadata,
                                @DefaultValue("1s") Duration journalCheckpoint) {

    public String verificationUrl(java.util.UUID sessionId) {
        var base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        return base + "/flow/" + sessionId;
    }
}
