package io.kycflow.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.util.FileSystemUtils;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3Mock (Adobe's S3-compatible test server) in a child JVM for one test class, over plain HTTP on a free port. Its
 * executable jar is copied to {@code target/s3mock} by the build. A process of its own, not {@code s3mock-junit5}:
 * in the test JVM its configuration files and libraries would change every application context of the suite.
 */
public final class S3MockServer implements BeforeAllCallback, AfterAllCallback {

    private static final Path JAR = Path.of("target", "s3mock", "s3mock-exec.jar");

    private Process process;
    private int port;
    private Path root;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the tests through Maven (./mvnw verify), which copies it");
        }
        port = freePort();
        root = JAR.resolveSibling("store-" + port).toAbsolutePath();
        var log = JAR.resolveSibling("s3mock-" + port + ".log");
        var java = ProcessHandle.current().info().command().orElse("java");
        process = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", JAR.toAbsolutePath().toString(),
                "--server.port=0", "--server.address=127.0.0.1", "--com.adobe.testing.s3mock.httpPort=" + port,
                "--com.adobe.testing.s3mock.store.root=" + root))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitReady(log);
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException, IOException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (root != null) {
            FileSystemUtils.deleteRecursively(root);
        }
    }

    /** {@code http://127.0.0.1:<port>}: what {@code kycflow.media.s3.endpoint} is set to. */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** A client of the test's own, e.g. to create the bucket or to look at what the application stored. */
    public S3Client client() {
        return S3Client.builder().endpointOverride(URI.create(endpoint())).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120); // ~20 s on a busy 2-core machine
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(endpoint() + "/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("S3Mock did not answer within 120 s: " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
