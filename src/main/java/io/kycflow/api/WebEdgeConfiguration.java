package io.kycflow.api;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** What every request passes before any endpoint, and what answers when the container itself refuses one. */
@Configuration(proxyBeanMethods = false)
class WebEdgeConfiguration {

    /** Right after the character-encoding filter (highest precedence), which decides how a form body is decoded. */
    @Bean
    FilterRegistrationBean<MalformedRequestFilter> malformedRequestFilter(
            @Value("${server.tomcat.max-parameter-count:1000}") int maxParameterCount) {
        var registration = new FilterRegistrationBean<>(new MalformedRequestFilter(maxParameterCount));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setAsyncSupported(true);
        return registration;
    }

    /**
     * Replaces the host's error report valve (Spring Boot adds an HTML one) with {@link ProblemErrorReportValve}.
     * Ordered last so that it runs after Spring Boot's own customizer has added its valve.
     */
    @Bean
    ErrorReportValveCustomizer problemErrorReportValve() {
        return new ErrorReportValveCustomizer();
    }

    /**
     * Replaces the host's error report valve (Spring Boot adds an HTML one) with {@link ProblemErrorReportValve}.
     * Ordered last, so that its context customizer runs after the one Spring Boot adds its valve with.
     */
    static final class ErrorReportValveCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
