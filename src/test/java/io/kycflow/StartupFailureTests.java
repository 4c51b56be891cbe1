package io.kycflow;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.kycflow.support.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A server that cannot start (here: its port is taken) exits with an error, so a supervisor can restart it. */
class StartupFailureTests {

    @Test
    void serverWhosePortIsTakenExitsWithAnError(@TempDir Path dataDir) throws Exception {
        try (var taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            var log = dataDir.resolve("server.log");
            var process = new ProcessBuilder(ChildJvm.command(taken.getLocalPort(), dataDir, "--server.address=127.0.0.1"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                assertThat(process.waitFor(60, TimeUnit.SECONDS))
                        .as("the server that failed to start is still running: %s", Files.readString(log)).isTrue();
                assertThat(process.exitValue()).isNotZero();
                assertThat(Files.readString(log)).contains("APPLICATION FAILED TO START");
            } finally {
                process.destroyForcibly();
            }
        }
    }
}
