package io.kycflow.technology;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * What people read beside a config field in the Cabinet: a label and a help text per field, in English, Russian and
 * Kazakh, from {@code io/kycflow/technology/config-labels*.properties} (one bundle beside the declarations, keyed
 * {@code <schema>.<field>.label|help}). A message source of its own, so the hosted page's bundle stays as it is.
 */
@Component
public class ConfigLabels {

    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.of("ru"), Locale.of("kk"));

    private static final String BASENAME = "io/kycflow/technology/config-labels";

    private final ResourceBundleMessageSource source = new ResourceBundleMessageSource();

    public ConfigLabels() {
        source.setBasename(BASENAME);
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setUseCodeAsDefaultMessage(false);
    }

    public String label(ConfigSchema schema, ConfigField field, Locale locale) {
        return text(schema, field, "label", locale);
    }

    public String help(ConfigSchema schema, ConfigField field, Locale locale) {
        return text(schema, field, "help", locale);
    }

    /** The text in exactly {@code locale}'s file (English: the base file), with no fallback: for the completeness test. */
    public @Nullable String exactly(ConfigSchema schema, ConfigField field, String kind, Locale locale) {
        var file = BASENAME + (locale.equals(Locale.ENGLISH) ? "" : "_" + locale.getLanguage()) + ".properties";
        try (var in = ConfigLabels.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                return null;
            }
            var properties = new java.util.Properties();
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            var text = properties.getProperty(key(schema, field, kind));
            return text == null || text.isBlank() ? null : text;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String text(ConfigSchema schema, ConfigField field, String kind, Locale locale) {
        try {
            return source.getMessage(key(schema, field, kind), null, locale);
        } catch (NoSuchMessageException missing) {
            return kind.equals("label") ? field.name() : field.description(); // ConfigLabelsTests keeps this from happening
        }
    }

    private static String key(ConfigSchema schema, ConfigField field, String kind) {
        return schema.name() + "." + field.name() + "." + kind;
    }
}
