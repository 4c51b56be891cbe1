package io.kycflow.organization.internal;

import java.io.PrintStream;
import java.util.List;

import io.kycflow.organization.DemoAnnouncement;
import io.kycflow.organization.OrganizationService;
import io.kycflow.organization.OrganizationStatus;
import io.kycflow.technology.TechnologyCode;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On the embedded default, the very first start creates a sandbox organization subscribed to every technology
 * and prints its key once — on standard output, never through the logging system — with the next step.
 */
@Component
class DemoOrganizationBootstrap implements ApplicationRunner {

    private final OrganizationService organizations;
    private final DemoProperties properties;
    private final Environment environment;
    private final List<DemoAnnouncement> announcements;

    DemoOrganizationBootstrap(OrganizationService organizations, DemoProperties properties, Environment environment,
                              List<DemoAnnouncement> announcements) {
        this.organizations = organizations;
        this.properties = properties;
        this.environment = environment;
        this.announcements = announcements;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.enabled() || !organizations.noneExist()) {
            return;
        }
        var issued = organizations.create(properties.name(), OrganizationStatus.TEST, List.of(TechnologyCode.values()));
        var base = environment.getProperty("kycflow.session.public-base-url", "http://localhost:8080");
        var extra = new StringBuilder();
        for (var announcement : announcements) {
            announcement.demoOrganizationCreated(issued.organization().id()).forEach(line -> extra.append(" ").append(line).append('\n'));
        }
        print(System.out, issued.organization().id().toString(), issued.apiKey(), base.replaceAll("/+$", "") + "/mcp/",
                extra.toString());
    }

    private static void print(PrintStream out, String orgId, String key, String mcpUrl, String extra) {
        out.println("""

                ==============================================================================
                 kycflow: demo organization created (status TEST: sandbox providers, results
                 marked "sandbox": true), subscribed to every technology.
                   organization id: %s
                   organization API key (printed once; the admin API can show it again):
                     %s

                 Next step: connect your AI coding agent to the MCP server at %s
                   Claude Code:  claude mcp add --transport http kyc %s --header "Authorization: Bearer %s"
                   or put this in .mcp.json:
                   {"mcpServers": {"kyc": {"url": "%s",
                                           "headers": {"Authorization": "Bearer %s"}}}}
                %s==============================================================================
                """.formatted(orgId, key, mcpUrl, mcpUrl, key, mcpUrl, key, extra));
        out.flush();
    }

    /** @param enabled create the demo organization when the database has none (embedded default: on) */
    @ConfigurationProperties("kycflow.demo")
    record DemoProperties(@DefaultValue("true") boolean enabled, @DefaultValue("Demo organization") String name) {
    }
}
