package io.kycflow.cabinet.internal;

import io.kycflow.cabinet.CabinetRole;
import io.kycflow.shared.KycException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
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

    /**
     * The signed-in member as templates see it (they read public members only); {@code full} is false part-way through
     * signing in (a second factor or an enrolment still due), when the layout shows no navigation.
     */
    public record Me(String email, String role, boolean admin, boolean owner, boolean full) {
    }

    /** Ahead of the REST problem-details advice: a person in the Cabinet gets a page, not JSON. */
    @ControllerAdvice(basePackageClasses = CabinetWeb.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Layout {

        @ExceptionHandler(KycException.class)
        ModelAndView problem(KycException e) {
            var status = switch (e.kind()) {
                case INVALID, TOO_LARGE, UNSUPPORTED_MEDIA_TYPE -> HttpStatus.BAD_REQUEST;
                case UNAUTHORIZED, FORBIDDEN -> HttpStatus.FORBIDDEN;
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case CONFLICT -> HttpStatus.CONFLICT;
                case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
                case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            };
            return page(status, e.getMessage());
        }

        @ExceptionHandler(MethodArgumentTypeMismatchException.class)
        ModelAndView badParameter(MethodArgumentTypeMismatchException e) {
            return page(HttpStatus.BAD_REQUEST, "The address has a malformed " + e.getName() + ".");
        }

        private ModelAndView page(HttpStatus status, String message) {
            var view = new ModelAndView("cabinet/problem", status);
            view.addObject("title", status == HttpStatus.NOT_FOUND ? "Not found" : status.getReasonPhrase());
            view.addObject("message", message);
            view.addObject("me", me(SecurityContextHolder.getContext().getAuthentication()));
            return view;
        }

        /** The language of the labels the page shows in three languages, for its {@code lang} attributes and switcher. */
        @ModelAttribute("lang")
        String lang(jakarta.servlet.http.HttpServletRequest request) {
            return CabinetLocales.of(request).getLanguage();
        }

        @ModelAttribute("me")
        @Nullable Me me() {
            return me(SecurityContextHolder.getContext().getAuthentication());
        }

        static @Nullable Me me(@Nullable Authentication authentication) {
            if (authentication == null || !(authentication.getPrincipal() instanceof CabinetUser me)) {
                return null;
            }
            var full = SignIns.fullySignedIn(authentication);
            return new Me(me.email(), me.role().name(), full && me.can(CabinetRole.ADMIN), full && me.can(CabinetRole.OWNER), full);
        }
    }
}
