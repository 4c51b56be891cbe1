package io.kycflow.verification.internal.edocument;

import java.time.Clock;

import io.kycflow.verification.VerificationEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ED engines: the sandbox one always; the real one only when a gateway is configured, so that without it
 * PRODUCTION ED steps are refused with {@code engine_unavailable} (and the start-up log says so, once, loudly).
 */
@Configuration(proxyBeanMethods = false)
class EDocumentConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EDocumentConfiguration.class);

    @Bean
    VerificationEngine sandboxEDocumentEngine() {
        return new EDocumentEngine(new SandboxEDocuments(), true);
    }

    @Bean
    @ConditionalOnProperty(prefix = "kycflow.edocument.gateway", name = "base-url")
    VerificationEngine edocumentEngine(GatewayProperties properties) {
        return new EDocumentEngine(new HttpEDocumentGateway(properties, Clock.systemUTC()), false);
    }

    @Bean
    ApplicationListener<ApplicationStartedEvent> edocumentGatewayReport(GatewayProperties properties) {
        return event -> report(properties);
    }

    static void report(GatewayProperties properties) {
        if (properties.configured()) {
            log.info("E-document gateway: {}", properties);
        } else {
            log.warn("E-DOCUMENT GATEWAY NOT CONFIGURED: PRODUCTION sessions cannot verify ED steps (they are refused "
                    + "with engine_unavailable). Set kycflow.edocument.gateway.base-url and its credentials; TEST/DEMO "
                    + "organizations use the sandbox provider.");
        }
    }
}
