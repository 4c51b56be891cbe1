package io.kycflow.technology;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Locale;

import io.kycflow.IntegrationTest;
import io.kycflow.flow.FlowConfigSchema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Every config field of every technology and of the flow has a label and a help text in English, Russian and Kazakh. */
@IntegrationTest
class ConfigLabelsTests {

    @Autowired
    TechnologyCatalog catalog;
    @Autowired
    ConfigLabels labels;

    @Test
    void everyConfigFieldHasALabelAndAHelpTextInEveryLanguage() {
        var schemas = new LinkedHashSet<ConfigSchema>();
        schemas.add(FlowConfigSchema.SCHEMA);
        catalog.all().forEach(t -> schemas.add(t.configSchema()));
        var missing = new ArrayList<String>();
        var fields = 0;
        for (var schema : schemas) {
            for (var field : schema.fields()) {
                fields++;
                for (var locale : ConfigLabels.LANGUAGES) {
                    for (var kind : new String[] {"label", "help"}) {
                        if (labels.exactly(schema, field, kind, locale) == null) {
                            missing.add(schema.name() + "." + field.name() + "." + kind + " [" + locale + "]");
                        }
                    }
                }
            }
        }
        assertThat(fields).as("fields checked").isGreaterThan(30);
        assertThat(missing).as("labels and help texts missing from config-labels*.properties").isEmpty();
    }

    @Test
    void thePageLanguageChoosesTheTextAndEnglishIsTheFallback() {
        var schema = catalog.get(TechnologyCode.LD).configSchema();
        var field = schema.fields().getFirst();
        assertThat(labels.label(schema, field, Locale.ENGLISH)).isEqualTo("Selfie attempts");
        assertThat(labels.label(schema, field, Locale.of("ru"))).isEqualTo("Попытки селфи");
        assertThat(labels.label(schema, field, Locale.of("kk"))).isEqualTo("Селфи әрекеттері");
        assertThat(labels.label(schema, field, Locale.GERMAN)).isEqualTo("Selfie attempts");
    }

    @Test
    void theBundlesHoldNoKeyForAFieldThatDoesNotExist() throws Exception {
        var keys = new LinkedHashSet<String>();
        var schemas = new LinkedHashSet<ConfigSchema>();
        schemas.add(FlowConfigSchema.SCHEMA);
        catalog.all().forEach(t -> schemas.add(t.configSchema()));
        schemas.forEach(s -> s.fields().forEach(f -> {
            keys.add(s.name() + "." + f.name() + ".label");
            keys.add(s.name() + "." + f.name() + ".help");
        }));
        for (var suffix : new String[] {"", "_ru", "_kk"}) {
            var properties = new java.util.Properties();
            try (var in = getClass().getClassLoader().getResourceAsStream("io/kycflow/technology/config-labels" + suffix + ".properties")) {
                properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            assertThat(keys).as("config-labels" + suffix).containsAll(properties.stringPropertyNames().stream().map(String::valueOf).toList());
        }
    }
}
