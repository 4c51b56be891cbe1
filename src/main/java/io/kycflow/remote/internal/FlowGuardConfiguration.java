package io.kycflow.remote.internal;

import io.kycflow.session.SessionProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FlowGuardConfiguration {

    /** On {@code /flow/*} only, after the query-string check and before anything reads a body. */
    @Bean
    FilterRegistrationBean<FlowGuardFilter> flowGuardFilter(RemoteProperties properties, SessionProperties sessions) {
        var registration = new FilterRegistrationBean<>(new FlowGuardFilter(properties.rateLimit(), sessions.publicBaseUrl()));
        registration.addUrlPatterns("/flow/*");
        registration.setOrder(10);
        return registration;
    }
}
