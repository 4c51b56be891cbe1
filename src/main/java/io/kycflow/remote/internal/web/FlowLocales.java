package io.kycflow.remote.internal.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The languages of the hosted page: English, Russian and Kazakh. On the wire (flow_config.locale, {@code ?locale=})
 * Kazakh is {@code kz}, as integrators write it; in HTML ({@code lang}) and in the message bundles it is {@code kk},
 * its ISO 639-1 code. The page picks {@code ?locale=}, else the flow's {@code locale}; elsewhere the
 * {@code Accept-Language} header decides, English by default.
 */
final class FlowLocales {

    static final Locale KAZAKH = Locale.of("kk");
    static final Locale RUSSIAN = Locale.of("ru");
    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, RUSSIAN, KAZAKH);

    /** The request attribute a page sets to the language it is rendered in. */
    static final String ATTRIBUTE = FlowLocales.class.getName() + ".locale";

    private FlowLocales() {
    }

    /** {@code en}, {@code ru}, {@code kz} (or {@code kk}) as a supported locale, else null. */
    static @Nullable Locale parse(@Nullable String code) {
        if (code == null) {
            return null;
        }
        return switch (code.strip().toLowerCase(Locale.ROOT)) {
            case "en" -> Locale.ENGLISH;
            case "ru" -> RUSSIAN;
            case "kz", "kk" -> KAZAKH;
            default -> null;
        };
    }

    /** The wire code of a supported locale: {@code en}, {@code ru} or {@code kz}. */
    static String wire(Locale locale) {
        return locale.getLanguage().equals("kk") ? "kz" : locale.getLanguage();
    }

    /** Whatever the page decided, else the Accept-Language header among the three languages, else English. */
    static final class Resolver implements LocaleResolver {

        private final AcceptHeaderLocaleResolver header = new AcceptHeaderLocaleResolver();

        Resolver() {
            header.setSupportedLocales(SUPPORTED);
            header.setDefaultLocale(Locale.ENGLISH);
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            if (request.getAttribute(ATTRIBUTE) instanceof Locale chosen) {
                return chosen;
            }
            try {
                return header.resolveLocale(request);
            } catch (IllegalArgumentException malformed) {
                return Locale.ENGLISH;
            }
        }

        @Override
        public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
            request.setAttribute(ATTRIBUTE, locale);
        }
    }
}
