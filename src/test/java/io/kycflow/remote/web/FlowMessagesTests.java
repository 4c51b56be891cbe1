package io.kycflow.remote.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hosted page speaks English, Russian and Kazakh completely: the three bundles have the same keys, none empty,
 * with the same placeholders; every text a template or a script asks for exists; no ASCII apostrophe (which
 * MessageFormat would swallow in a text with arguments).
 */
class FlowMessagesTests {

    private static final Path RESOURCES = Path.of("src", "main", "resources");
    private static final List<String> BUNDLES = List.of("flow.properties", "flow_ru.properties", "flow_kk.properties");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-z0-9_.]+)[(}]");
    private static final Pattern TEMPLATE_DYNAMIC = Pattern.compile("#\\{'([a-z0-9_.]+)'\\s*\\+");
    private static final Pattern SCRIPT_KEY = Pattern.compile("(?<![\\w.$])t\\('([a-z0-9_.]+)'\\s*([,)+])");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");

    /** What the dynamic keys are completed with (technology kinds, liveness challenges, camera errors, hints, face guidance). */
    private static final Map<String, List<String>> DYNAMIC = Map.of(
            "intro.step.", List.of("ld", "dr", "f2f", "ed", "ds"),
            "ld.prep.challenge.", List.of("blink", "head_turn", "none"),
            "camera.", List.of("denied", "notfound", "busy", "unsupported"),
            "hint.", List.of("dark", "glare", "blur"),
            "flag.", List.of("dark", "glare", "blur"),
            "dr.", List.of("front", "back", "page"),
            "ld.", List.of("blink", "head_turn", "none"),
            // every hint the guidance endpoint answers but "unavailable" (the page keeps its own hints then)
            "face.", java.util.Arrays.stream(io.kycflow.verification.FaceGuidance.Hint.values())
                    .filter(hint -> hint != io.kycflow.verification.FaceGuidance.Hint.UNAVAILABLE)
                    .map(io.kycflow.verification.FaceGuidance.Hint::code).toList());

    @Test
    void everyBundleHasEveryKeyWithTheSamePlaceholdersAndNoneIsEmpty() throws IOException {
        var english = load("flow.properties");
        assertThat(english).hasSizeGreaterThan(150);
        for (var bundle : BUNDLES) {
            var texts = load(bundle);
            assertThat(new TreeSet<>(texts.stringPropertyNames())).as("keys of %s", bundle)
                    .containsExactlyElementsOf(new TreeSet<>(english.stringPropertyNames()));
            for (var key : texts.stringPropertyNames()) {
                var text = texts.getProperty(key);
                assertThat(text).as("%s in %s", key, bundle).isNotBlank().doesNotContain("'");
                assertThat(placeholders(text)).as("placeholders of %s in %s", key, bundle)
                        .isEqualTo(placeholders(english.getProperty(key)));
                if (!bundle.equals("flow.properties") && !key.startsWith("sandbox.outcome.pass")) {
                    assertThat(text).as("%s in %s is translated", key, bundle).matches("(?s).*[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі].*");
                }
            }
        }
    }

    @Test
    void everyKeyTheTemplatesAskForExists() throws IOException {
        var keys = load("flow.properties").stringPropertyNames();
        var used = new TreeSet<String>();
        try (var templates = Files.list(RESOURCES.resolve("templates/flow"))) {
            for (var template : templates.toList()) {
                var text = Files.readString(template);
                TEMPLATE_KEY.matcher(text).results().forEach(m -> used.add(m.group(1)));
                TEMPLATE_DYNAMIC.matcher(text).results().forEach(m -> DYNAMIC.get(m.group(1)).forEach(end -> used.add(m.group(1) + end)));
            }
        }
        assertThat(used).hasSizeGreaterThan(120);
        assertThat(keys).containsAll(used);
        var unused = new ArrayList<String>();
        for (var key : keys) {
            if (!key.startsWith("js.") && !used.contains(key)) {
                unused.add(key);
            }
        }
        assertThat(unused).as("texts no template uses").isEmpty();
    }

    @Test
    void everyTextTheScriptsSayExists() throws IOException {
        var keys = load("flow.properties").stringPropertyNames();
        var used = new TreeSet<String>();
        try (var scripts = Files.list(RESOURCES.resolve("flow-assets"))) {
            for (var script : scripts.filter(p -> p.toString().endsWith(".js")).toList()) {
                SCRIPT_KEY.matcher(Files.readString(script)).results().forEach(m -> {
                    if (m.group(2).equals("+")) {
                        assertThat(DYNAMIC).as("a dynamic key t('%s' + …) in %s", m.group(1), script).containsKey(m.group(1));
                        DYNAMIC.get(m.group(1)).forEach(end -> used.add("js." + m.group(1) + end));
                    } else {
                        used.add("js." + m.group(1));
                    }
                });
            }
        }
        assertThat(used).hasSizeGreaterThan(20).contains("js.hint.dark", "js.attempts", "js.ld.blink");
        assertThat(keys).containsAll(used);
        var unused = keys.stream().filter(key -> key.startsWith("js.") && !used.contains(key)).toList();
        assertThat(unused).as("script texts no script uses").isEmpty();
    }

    private static TreeSet<String> placeholders(String text) {
        var found = new TreeSet<String>();
        PLACEHOLDER.matcher(text).results().forEach(m -> found.add(m.group()));
        return found;
    }

    private static Properties load(String bundle) throws IOException {
        var properties = new Properties();
        try (var in = new InputStreamReader(Files.newInputStream(RESOURCES.resolve("i18n").resolve(bundle)), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
