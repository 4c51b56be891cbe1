package io.kycflow.remote.internal.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The hosted page's assets, language and headers. */
@Configuration(proxyBeanMethods = false)
class FlowPageConfiguration implements WebMvcConfigurer {

    /** Scripts and styles, from our own server only; revalidated on each use (they change with a release). */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/flow/assets/**").addResourceLocations("classpath:/flow-assets/")
                .setCacheControl(CacheControl.noCache());
        // the Flow Widget's script, loaded by integrators' pages: versioned in its path, so it may be cached a while
        registry.addResourceHandler("/widget/v1/**").addResourceLocations("classpath:/widget/v1/")
                .setCacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic());
    }

    /** The page's language ({@code ?locale=}, the flow's {@code locale}); elsewhere Accept-Language, English by default. */
    @Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        return new FlowLocales.Resolver();
    }

    /** On every {@code /flow/} response, before the guard filter can answer (its refusals carry them too). */
    @Bean
    FilterRegistrationBean<FlowPageHeadersFilter> flowPageHeadersFilter() {
        var registration = new FilterRegistrationBean<>(new FlowPageHeadersFilter());
        registration.addUrlPatterns("/flow/*");
        registration.setOrder(5);
        return registration;
    }

    /** The widget script is for other sites' pages: loadable cross-origin (CORP), never sniffed as anything but JS. */
    @Bean
    FilterRegistrationBean<jakarta.servlet.Filter> widgetHeadersFilter() {
        var registration = new FilterRegistrationBean<jakarta.servlet.Filter>((request, response, chain) -> {
            var http = (jakarta.servlet.http.HttpServletResponse) response;
            http.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
            http.setHeader("X-Content-Type-Options", "nosniff");
            http.setHeader("Referrer-Policy", "no-referrer");
            chain.doFilter(request, response);
        });
        registration.addUrlPatterns("/widget/*");
        registration.setOrder(5);
        return registration;
    }
}
