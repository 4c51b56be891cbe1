package io.kycflow;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the embedded H2 file database needs beyond the settings in its URL. */
@Configuration(proxyBeanMethods = false)
class EmbeddedDatabase {

    @Bean
    @ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:file:')")
    H2StoreHousekeeping h2StoreHousekeeping(DataSource dataSource) {
        return new H2StoreHousekeeping(dataSource, Duration.ofSeconds(1));
    }
}
