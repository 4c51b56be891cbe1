package io.kycflow.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

import io.kycflow.security.SecretBox;
import io.kycflow.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;

import static io.kycflow.media.MediaFixtures.pathAndQuery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The media contract on the embedded default: files under the data directory, H2. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kycflow.master-key=" + MediaFixtures.MASTER_KEY,
        "kycflow.session.public-base-url=" + MediaFixtures.PUBLIC_BASE})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class MediaFileStoreTests extends MediaContract {

    @Value("${kycflow.data-dir}") Path dataDirectory;

    @Override
    byte[] rawBlob(MediaRef ref) {
        try {
            return Files.readAllBytes(blobPath(ref));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path blobPath(MediaRef ref) {
        return dataDirectory.resolve("media").resolve(ref.organizationId().toString()).resolve(ref.sessionId().toString())
                .resolve(ref.id().toString());
    }

    @Test
    void blobIsReadableByItsOwnerOnlyAndNoTemporaryFileIsLeft() throws IOException {
        var ref = store(MediaFixtures.image(1_000, 20));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(blobPath(ref)))).isEqualTo("rw-------");
        try (var siblings = Files.list(blobPath(ref).getParent())) {
            assertThat(siblings).containsExactly(blobPath(ref));
        }
    }

    @Test
    void blobDecryptsOnlyUnderItsOwnId() {
        var image = MediaFixtures.image(5_000, 21);
        var ref = store(image);
        var box = masterKey.secretBox(MediaService.ENCRYPTION_PURPOSE);

        assertThat(box.open(rawBlob(ref), MediaService.associatedData(ref.id()))).isEqualTo(image.bytes());
        assertThatThrownBy(() -> box.open(rawBlob(ref), MediaService.associatedData(UUID.randomUUID())))
                .isInstanceOf(SecretBox.CannotOpen.class);
        assertThatThrownBy(() -> masterKey.secretBox("kycflow another use v1").open(rawBlob(ref), MediaService.associatedData(ref.id())))
                .as("another subkey of the same master key").isInstanceOf(SecretBox.CannotOpen.class);
    }

    @Test
    void blobMovedToAnotherIdDoesNotDecryptAndIsAnsweredWithoutInternals() throws IOException {
        var victim = store(MediaFixtures.image(2_000, 22));
        var planted = store(MediaFixtures.image(2_000, 23));
        Files.copy(blobPath(planted), blobPath(victim), StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> media.read(victim.id())).isInstanceOf(MediaUnreadableException.class)
                .hasMessageContaining("altered, truncated or copied from another object");
        var answer = new Http(port).get(pathAndQuery(media.signedUrl(victim.id(), "cabinet:reviewer-7").url()));
        answer.assertProblem(500, "media_unreadable");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM media_access WHERE media_id = ?").param(victim.id()).query(Long.class).single())
                .as("nothing was served").isZero();
    }

    @Test
    void neitherLinksNorSignaturesNorKeysReachTheLog(CapturedOutput output) throws IOException {
        var served = store(MediaFixtures.image(1_000, 25));
        var lost = store(MediaFixtures.image(1_000, 26));
        Files.delete(blobPath(lost));
        var links = new java.util.ArrayList<String>();
        for (var ref : java.util.List.of(served, lost)) {
            var link = media.signedUrl(ref.id(), "cabinet:reviewer-7").url();
            links.add(link.toString());
            MediaFixtures.get(port, pathAndQuery(link));
            MediaFixtures.get(port, pathAndQuery(link).replace("reviewer-7", "reviewer-8"));
        }

        assertThat(output.toString()).as("the lost blob was logged").contains("has no stored blob");
        for (var link : links) {
            var signature = link.substring(link.indexOf("signature=") + "signature=".length());
            assertThat(output.toString()).doesNotContain(signature).doesNotContain(link);
        }
        assertThat(output.toString()).doesNotContain(MediaFixtures.MASTER_KEY);
    }

    @Test
    void lostBlobIsAnsweredWithoutInternals() throws IOException {
        var ref = store(MediaFixtures.image(2_000, 24));
        Files.delete(blobPath(ref));
        assertThatThrownBy(() -> media.read(ref.id())).isInstanceOf(MediaUnreadableException.class).hasMessageContaining("no stored blob");
        new Http(port).get(pathAndQuery(media.signedUrl(ref.id(), "cabinet:reviewer-7").url())).assertProblem(500, "media_unreadable");
    }
}
