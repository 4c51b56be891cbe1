package io.kycflow.cabinet;

import java.nio.file.Path;
import java.util.regex.Pattern;

import io.kycflow.support.StandaloneApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default's first start prints the demo owner's password once, beside the key; it signs in. */
@ExtendWith(OutputCaptureExtension.class)
class DemoOwnerTests {

    private static final Pattern PASSWORD = Pattern.compile("sign in as demo@kycflow\\.local with the password \\(printed once\\): (\\S+)");

    @Test
    void theDemoOwnerSignsInWithThePrintedPassword(@TempDir Path dataDir, CapturedOutput output) {
        try (var app = StandaloneApp.start(dataDir, "--kycflow.demo.enabled=true")) {
            var matcher = PASSWORD.matcher(output.getOut());
            assertThat(matcher.find()).as("the password line in the banner").isTrue();
            var password = matcher.group(1);
            assertThat(password).hasSizeGreaterThanOrEqualTo(12);
            assertThat(output.getOut()).contains("/cabinet/");
            var port = Integer.parseInt(app.context().getEnvironment().getProperty("local.server.port"));
            var client = new CabinetClient(port);
            assertThat(client.login("demo@kycflow.local", password)).endsWith("/cabinet/");
            assertThat(client.get("/cabinet/members").body()).contains("demo@kycflow.local", "OWNER");
            assertThat(output.getOut().lines().filter(line -> line.contains(password))).hasSize(1);
        }
        try (var app = StandaloneApp.start(dataDir, "--kycflow.demo.enabled=true")) {
            assertThat(PASSWORD.matcher(output.getOut()).results().count()).as("printed on the first start only").isEqualTo(1);
        }
    }
}
