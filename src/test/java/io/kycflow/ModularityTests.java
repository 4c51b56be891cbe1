package io.kycflow;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** The module structure is part of the design: no cycles, no reaching into another module's internals. */
class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(KycflowApplication.class);

    @Test
    void modulesHaveNoCyclesAndNoReachIntoInternals() {
        MODULES.verify();
    }

    /**
     * Exactly these modules: a new top-level package is a new module, which must be a decision (added here, with
     * its place in the diagram), not an accident.
     */
    @Test
    void theModulesAreExactlyTheProductNouns() {
        assertThat(MODULES.stream().map(module -> module.getIdentifier().toString()))
                .containsExactlyInAnyOrder("organization", "technology", "reference", "flow", "session", "review",
                        "verification", "media", "remote", "mcp", "api", "security", "storage", "shared", "cabinet");
    }

    /** The module diagram in docs/ is generated from the code; a change of structure shows in its diff. */
    @Test
    void moduleDiagramIsWrittenToDocs() throws Exception {
        var output = Path.of("target", "spring-modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(output.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        var diagram = Files.readString(output.resolve("components.puml"));
        assertThat(diagram).contains("Session", "Flow", "Organization", "Verification");
        assertThat(output.resolve("module-session.puml")).isNotEmptyFile();
        var docs = Path.of("docs", "modules.puml");
        Files.writeString(docs, stableOrder(diagram));
        assertThat(docs).isNotEmptyFile();
    }

    /** The documenter lists modules and relations in hash order; runs of them are sorted so the file is stable. */
    private static String stableOrder(String diagram) {
        var lines = diagram.lines().toList();
        var out = new java.util.ArrayList<String>();
        var run = new java.util.ArrayList<String>();
        String runKind = null;
        for (var line : lines) {
            var kind = line.startsWith("Rel(") ? "rel" : line.strip().startsWith("Component(") ? "component" : null;
            if (kind == null || !kind.equals(runKind)) {
                run.sort(null);
                out.addAll(run);
                run.clear();
            }
            runKind = kind;
            (kind == null ? out : run).add(line);
        }
        run.sort(null);
        out.addAll(run);
        return String.join("\n", out) + "\n";
    }
}
