package io.kycflow.cabinet.internal;

import java.util.Locale;

import io.kycflow.technology.ConfigLabels;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The Cabinet's language for the texts it has in three languages (config field labels and help): {@code ?lang=}
 * ({@code en}, {@code ru}, {@code kk} or {@code kz}), else Accept-Language, else English. Used by the Cabinet's
 * controllers only; the application's LocaleResolver bean stays the hosted page's.
 */
final class CabinetLocales implements LocaleResolver {

    static final CabinetLocales INSTANCE = new CabinetLocales();

    private final AcceptHeaderLocaleResolver header = new AcceptHeaderLocaleResolver();

    private CabinetLocales() {
        header.setSupportedLocales(ConfigLabels.LANGUAGES);
        header.setDefaultLocale(Locale.ENGLISH);
    }

    static Locale of(HttpServletRequest request) {
        return INSTANCE.resolveLocale(request);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        var asked = request.getParameter("lang");
        if (asked != null) {
            switch (asked.strip().toLowerCase(Locale.ROOT)) {
                case "en" -> { return Locale.ENGLISH; }
                case "ru" -> { return Locale.of("ru"); }
                case "kk", "kz" -> { return Locale.of("kk"); }
                default -> { }
            }
        }
        try {
            return header.resolveLocale(request);
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        throw new UnsupportedOperationException("the Cabinet's language comes from the request");
    }
}
