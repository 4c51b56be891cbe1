package io.kycflow.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.kycflow.KycflowApplication;

/** The command that runs the application in a child JVM on the test's class path, as an operator starts it. */
public final class ChildJvm {

    private ChildJvm() {
    }

    public static List<String> command(int port, Path dataDir, String... extraArgs) {
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                KycflowApplication.class.getName(), "--spring.profiles.active=test", "--server.port=" + port,
                "--kycflow.data-dir=" + dataDir.toAbsolutePath()));
        command.addAll(List.of(extraArgs));
        return command;
    }
}
