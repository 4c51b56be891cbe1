package io.kycflow.organization;

import java.nio.file.Path;

import io.kycflow.support.StandaloneApp;
import io.kycflow.technology.TechnologyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default's first start: one sandbox organization with every technology, its key printed once on
 * standard output (never through the logging system), and nothing new on later starts.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoBootstrapTests {

    private static final String BANNER_TITLE = "kycflow: demo organization created";
    private static final String LOG_LINE_MARK = " --- ["; // Spring Boot's console log pattern

    @Test
    void firstStartCreatesOneTestOrganizationAndPrintsItsKeyOnceOutsideTheLog(@TempDir Path dataDir, CapturedOutput output) {
        String orgId;
        String key;
        try (var app = StandaloneApp.start(dataDir, "--kycflow.demo.enabled=true")) {
            var organizations = app.bean(OrganizationService.class);
            assertThat(organizations.list()).hasSize(1);
            var org = organizations.list().getFirst();
            assertThat(org.status()).isEqualTo(OrganizationStatus.TEST);
            assertThat(organizations.subscriptions(org.id())).extracting(t -> t.code())
                    .containsExactly(TechnologyCode.values());
            orgId = org.id().toString();
            key = organizations.apiKey(org.id());
        }

        var out = output.getOut();
        assertThat(out).as("log lines are captured too, so the check below means something").contains(LOG_LINE_MARK);
        assertThat(count(out, BANNER_TITLE)).isEqualTo(1);
        assertThat(out.lines().filter(line -> line.strip().equals(key)).count()).as("the key on a line of its own").isEqualTo(1);
        assertThat(out.lines().filter(line -> line.contains(key))).as("lines showing the key")
                .isNotEmpty().noneMatch(line -> line.contains(LOG_LINE_MARK));
        assertThat(withoutBanner(out)).as("the key outside the printed banner").doesNotContain(key);
        assertThat(banner(out)).contains(orgId, "/mcp/");
        assertThat(output.getErr()).doesNotContain(key);

        int printedBefore = out.length();
        try (var app = StandaloneApp.start(dataDir, "--kycflow.demo.enabled=true")) {
            var organizations = app.bean(OrganizationService.class);
            assertThat(organizations.list()).extracting(o -> o.id().toString()).containsExactly(orgId);
            assertThat(organizations.authenticate(key)).isPresent();
        }
        var secondStart = output.getOut().substring(printedBefore);
        assertThat(secondStart).contains(LOG_LINE_MARK).doesNotContain(key).doesNotContain(BANNER_TITLE);
    }

    @Test
    void disabledDemoCreatesNoOrganization(@TempDir Path dataDir, CapturedOutput output) {
        try (var app = StandaloneApp.start(dataDir, "--kycflow.demo.enabled=false")) {
            assertThat(app.bean(OrganizationService.class).noneExist()).isTrue();
        }
        assertThat(output.getOut()).doesNotContain(BANNER_TITLE);
    }

    /** The printed block: from the rule line above the title to the rule line closing it. */
    private static String banner(String out) {
        int title = out.indexOf(BANNER_TITLE);
        int start = out.lastIndexOf("=====", title);
        start = out.lastIndexOf('\n', start) + 1;
        int end = out.indexOf("=====", title);
        end = out.indexOf('\n', end);
        return out.substring(start, end);
    }

    private static String withoutBanner(String out) {
        return out.replace(banner(out), "");
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            count++;
        }
        return count;
    }
}
