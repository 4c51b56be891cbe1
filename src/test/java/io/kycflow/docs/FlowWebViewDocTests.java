package io.kycflow.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/integration/flow-webview.md names exactly the events the page emits and the bridges it posts to. */
class FlowWebViewDocTests {

    private static final Pattern EMITTED = Pattern.compile("emit\\((?:'([a-z_]+)'|passed \\? '([a-z_]+)' : '([a-z_]+)')");
    private static final Pattern DOCUMENTED = Pattern.compile("(?m)^\\| `([a-z_]+)` \\|");

    @Test
    void theEventsAndBridgesAreTheOnesThePageUses() throws Exception {
        var script = Files.readString(Path.of("src/main/resources/flow-assets/flow.js"));
        var doc = Files.readString(Path.of("docs/integration/flow-webview.md"));
        var emitted = new TreeSet<String>();
        EMITTED.matcher(script).results().forEach(m -> {
            for (int group = 1; group <= 3; group++) {
                if (m.group(group) != null) {
                    emitted.add(m.group(group));
                }
            }
        });
        var documented = new TreeSet<String>();
        DOCUMENTED.matcher(doc).results().forEach(m -> documented.add(m.group(1)));
        assertThat(emitted).containsExactlyInAnyOrder("started", "step_completed", "finished", "failed", "closed");
        assertThat(documented).isEqualTo(emitted);
        for (var bridge : new String[] {"window.ReactNativeWebView.postMessage", "window.webkit.messageHandlers.kycflow",
                "window.KycflowAndroid.postMessage", "CustomEvent('finish')", "web_view=true"}) {
            assertThat(doc).as("doc names " + bridge).contains(bridge);
            assertThat(script).as("flow.js uses " + bridge).contains(bridge.replace("CustomEvent('finish')", "new CustomEvent('finish'"));
        }
        assertThat(doc).contains("\"source\": \"kycflow\"");
        assertThat(script).contains("source: 'kycflow'");
    }
}
