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

    @Test
    void everyProductNounIsItsOwnModule() {
        assertThat(MODULES.stream().map(module -> module.getIdentifier().toString()))
                .contains("organization", "technology", "reference", "flow", "session", "review", "media", "api",
                        "security", "shared");
    }

    @Test
    void moduleDiagramIsWritten() throws Exception {
        var output = Path.of("target", "spring-modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(output.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        assertThat(output.resolve("components.puml")).isNotEmptyFile();
        assertThat(Files.readString(output.resolve("components.puml"))).contains("Session", "Flow", "Organization");
        assertThat(output.resolve("module-session.puml")).isNotEmptyFile();
    }
}
