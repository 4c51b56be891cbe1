package io.kycflow.verification.internal.signature;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the digital-signature engine reaches revocation sources (the sources themselves are per flow).
 *
 * @param connectTimeout  connecting to an OCSP responder or CRL server
 * @param readTimeout     the whole answer, after connecting
 * @param maxResponseSize largest OCSP response or CRL read
 * @param clockSkew       how far a signature's signingTime may lie in the future of this server's clock
 */
@ConfigurationProperties("kycflow.digital-signature")
public record DigitalSignatureProperties(@DefaultValue("3s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout,
                                         @DefaultValue("20MB") DataSize maxResponseSize, @DefaultValue("5m") Duration clockSkew) {

    public DigitalSignatureProperties {
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("kycflow.digital-signature timeouts must be positive");
        }
        if (maxResponseSize.toBytes() < 1024 || maxResponseSize.toBytes() > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("kycflow.digital-signature.max-response-size must be between 1KB and 2GB");
        }
    }
}
