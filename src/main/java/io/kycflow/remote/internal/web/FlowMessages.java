package io.kycflow.remote.internal.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The page's texts: {@code i18n/flow.properties} (English) with {@code _ru} and {@code _kk} beside it, every key in
 * all three (a test checks). The keys under {@code js.} are what the scripts say; the page hands them over, in its
 * language, as JSON.
 */
@Component
class FlowMessages {

    static final String BUNDLE = "i18n/flow";
    static final String SCRIPT_PREFIX = "js.";

    private final MessageSource source;
    private final List<String> scriptKeys;

    FlowMessages(MessageSource source) {
        this.source = source;
        this.scriptKeys = keys(BUNDLE + ".properties").stream().filter(key -> key.startsWith(SCRIPT_PREFIX)).sorted().toList();
    }

    /** The {@code js.} texts in the locale, keyed without the prefix. */
    Map<String, String> forScript(Locale locale) {
        var texts = new LinkedHashMap<String, String>();
        for (var key : scriptKeys) {
            texts.put(key.substring(SCRIPT_PREFIX.length()), source.getMessage(key, null, key, locale));
        }
        return texts;
    }

    static List<String> keys(String resource) {
        var properties = new Properties();
        try (var in = new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
        return properties.stringPropertyNames().stream().sorted().toList();
    }
}
