package io.kycflow.cabinet.internal;

import io.kycflow.cabinet.CabinetRole;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The Cabinet's own assets (served by us, cached briefly) and the signed-in member on every page for the layout. */
@Configuration(proxyBeanMethods = false)
class CabinetWeb implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/cabinet/assets/**").addResourceLocations("classpath:/cabinet-assets/")
                .setCachePeriod(3600);
    }

    /** The signed-in member as templates see it (they read public members only). */
    public record Me(String email, String role, boolean admin, boolean owner) {
    }

    @ControllerAdvice(basePackageClasses = CabinetWeb.class)
    static class Layout {

        @ModelAttribute("me")
        @Nullable Me me(@AuthenticationPrincipal @Nullable CabinetUser me) {
            return me == null ? null : new Me(me.email(), me.role().name(), me.can(CabinetRole.ADMIN), me.can(CabinetRole.OWNER));
        }
    }
}
