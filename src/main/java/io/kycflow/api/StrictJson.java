package io.kycflow.api;

import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;

/** A body like {"api_key":"a","api_key":"b"} is ambiguous: refuse it instead of silently keeping the last value. */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    JsonFactoryBuilderCustomizer strictDuplicateDetection() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }
}
