package io.kycflow.verification.internal.document;

import java.time.Clock;

import io.kycflow.verification.VerificationEngine;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Installs the real DR engine only when documents can be read here: without the OCR-B font there is no engine, so
 * {@code VerificationEngines} refuses PRODUCTION DR steps with {@code engine_unavailable} (and
 * {@link DocumentRecognition} has said so once, loudly, at startup) rather than anything being faked.
 */
@Configuration(proxyBeanMethods = false)
class DocumentEngineConfiguration {

    /** Null (no bean in the engines list) when document recognition is unavailable. */
    @Bean
    @Nullable VerificationEngine documentRecognitionEngine(DocumentRecognition recognition) {
        return recognition.available() ? new DocumentRecognitionEngine(recognition, Clock.systemUTC()) : null;
    }
}
