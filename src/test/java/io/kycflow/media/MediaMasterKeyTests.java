package io.kycflow.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.UUID;

import io.kycflow.security.MasterKey;
import io.kycflow.support.EmbeddedPostgresSupport;
import io.kycflow.support.StandaloneApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.kycflow.media.MediaFixtures.pathAndQuery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the master key comes from, across restarts of a server on the same data directory. */
@ExtendWith(OutputCaptureExtension.class)
class MediaMasterKeyTests {

    private static final String OTHER_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void embeddedDefaultGeneratesItsKeyOnceAndReusesItAfterARestart(@TempDir Path dataDir, CapturedOutput output) throws Exception {
        var image = MediaFixtures.image(10_000, 40);
        MediaRef ref;
        String key;
        try (var app = StandaloneApp.start(dataDir)) {
            ref = app.bean(MediaService.class).store(UUID.randomUUID(), UUID.randomUUID(), MediaKind.SELFIE, "image/jpeg", image.bytes());
            var file = dataDir.resolve("master.key");
            key = Files.readString(file).strip();
            assertThat(MasterKey.fromBase64(key)).isEqualTo(app.bean(MasterKey.class));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(output.getOut()).contains("Master key: generated " + dataDir.resolve("master.key").toAbsolutePath())
                .contains("Back it up");

        int before = output.getOut().length();
        try (var app = StandaloneApp.start(dataDir)) {
            assertThat(Files.readString(dataDir.resolve("master.key")).strip()).isEqualTo(key);
            assertThat(app.bean(MediaService.class).read(ref.id())).isEqualTo(image.bytes());
            var link = app.bean(MediaService.class).signedUrl(ref.id(), "cabinet:reviewer-7");
            var served = MediaFixtures.get(app.context().getEnvironment().getRequiredProperty("local.server.port", Integer.class), pathAndQuery(link.url()));
            assertThat(served.body()).isEqualTo(image.bytes());
        }
        assertThat(output.getOut().substring(before)).contains("Master key: " + dataDir.resolve("master.key").toAbsolutePath())
                .doesNotContain("generated");
        assertThat(output.toString()).as("the key itself is never printed").doesNotContain(key);
        try (var files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left").noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void anotherMasterKeyCannotReadExistingMediaAndSaysSo(@TempDir Path dataDir, CapturedOutput output) {
        var image = MediaFixtures.image(10_000, 41);
        MediaRef ref;
        String original;
        try (var app = StandaloneApp.start(dataDir, "--kycflow.master-key=" + MediaFixtures.MASTER_KEY)) {
            ref = app.bean(MediaService.class).store(UUID.randomUUID(), UUID.randomUUID(), MediaKind.SELFIE, "image/png", image.bytes());
            original = app.bean(MasterKey.class).fingerprint();
        }
        try (var app = StandaloneApp.start(dataDir, "--kycflow.master-key=" + OTHER_KEY)) {
            var other = app.bean(MasterKey.class).fingerprint();
            assertThatThrownBy(() -> app.bean(MediaService.class).read(ref.id())).isInstanceOf(MediaUnreadableException.class)
                    .hasMessageContaining("stored under master key " + original)
                    .hasMessageContaining("configured one (" + other + ")");
            var link = app.bean(MediaService.class).signedUrl(ref.id(), "cabinet:reviewer-7");
            app.http().get(pathAndQuery(link.url())).assertProblem(500, "media_unreadable");
        }
        try (var app = StandaloneApp.start(dataDir, "--kycflow.master-key=" + MediaFixtures.MASTER_KEY)) {
            assertThat(app.bean(MediaService.class).read(ref.id())).as("the right key still reads it").isEqualTo(image.bytes());
        }
        assertThat(output.toString()).doesNotContain(MediaFixtures.MASTER_KEY).doesNotContain(OTHER_KEY);
    }

    @Test
    void malformedMasterKeyStopsTheStartInOurWords(@TempDir Path dataDir, CapturedOutput output) {
        var notBase64 = "this-is-not:a*key";
        var tooShort = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> StandaloneApp.start(dataDir, "--kycflow.master-key=" + notBase64))
                .rootCause().isInstanceOf(FailureAnalyzedException.class).hasMessageContaining("it is not base64");
        assertThatThrownBy(() -> StandaloneApp.start(dataDir, "--kycflow.master-key=" + tooShort))
                .rootCause().hasMessageContaining("it decodes to 16 bytes instead of 32");

        assertThat(output.toString()).contains("APPLICATION FAILED TO START", "KYCFLOW_MASTER_KEY (kycflow.master-key) is not a valid master key",
                "openssl rand -base64 32").doesNotContain(notBase64).doesNotContain(tooShort);
        assertThat(dataDir.resolve("master.key")).as("nothing generated instead").doesNotExist();
    }

    @Test
    void postgresqlWithoutAMasterKeyRefusesToStart(@TempDir Path dataDir, CapturedOutput output) {
        assertThatThrownBy(() -> StandaloneApp.start(dataDir, "--spring.datasource.url=" + EmbeddedPostgresSupport.newDatabase(),
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--spring.datasource.driver-class-name=org.postgresql.Driver"))
                .rootCause().isInstanceOf(FailureAnalyzedException.class)
                .hasMessageContaining("KYCFLOW_MASTER_KEY (kycflow.master-key) is not set. It is required on PostgreSQL");
        assertThat(output.toString()).contains("APPLICATION FAILED TO START", "openssl rand -base64 32");
        assertThat(dataDir.resolve("master.key")).doesNotExist();
    }
}
