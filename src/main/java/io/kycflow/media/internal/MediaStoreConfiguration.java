package io.kycflow.media.internal;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One media store bean, chosen by {@code kycflow.media.store} when the application starts: an AOT-processed build
 * fixes {@code @Conditional} and {@code @Profile} at build time, so the choice is made here instead.
 */
@Configuration(proxyBeanMethods = false)
class MediaStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MediaStoreConfiguration.class);

    @Bean
    MediaStore mediaStore(MediaProperties properties, @Value("${kycflow.data-dir}") Path dataDirectory) {
        MediaStore store = switch (properties.store()) {
            case FILE -> new FileMediaStore(dataDirectory);
            case S3 -> new S3MediaStore(properties.s3());
        };
        log.info("Media store: {}", store.describe());
        return store;
    }
}
