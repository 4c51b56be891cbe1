package io.kycflow.media;

import java.nio.file.Files;
import java.nio.file.Path;

import io.kycflow.support.Http;
import io.kycflow.support.S3MockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.s3.S3Client;

import static io.kycflow.media.MediaFixtures.pathAndQuery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The media contract on an S3-compatible store (S3Mock in a process of its own, plain HTTP, path-style). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kycflow.master-key=" + MediaFixtures.MASTER_KEY,
        "kycflow.session.public-base-url=" + MediaFixtures.PUBLIC_BASE,
        "kycflow.media.store=s3",
        "kycflow.media.s3.bucket=" + MediaS3StoreTests.BUCKET,
        "kycflow.media.s3.region=eu-central-1",
        "kycflow.media.s3.access-key=test-access-key",
        "kycflow.media.s3.secret-key=test-secret-key"})
@ActiveProfiles("test")
class MediaS3StoreTests extends MediaContract {

    static final String BUCKET = "kycflow-media";

    @RegisterExtension
    static final S3MockServer S3_MOCK = new S3MockServer();

    private static S3Client s3;

    @Value("${kycflow.data-dir}") Path dataDirectory;

    @DynamicPropertySource
    static void endpoint(DynamicPropertyRegistry registry) {
        registry.add("kycflow.media.s3.endpoint", S3_MOCK::endpoint);
    }

    @BeforeAll
    static void bucket() {
        s3 = S3_MOCK.client();
        s3.createBucket(request -> request.bucket(BUCKET));
    }

    @AfterAll
    static void closeClient() {
        s3.close();
    }

    @Override
    byte[] rawBlob(MediaRef ref) {
        return s3.getObjectAsBytes(request -> request.bucket(BUCKET).key(key(ref))).asByteArray();
    }

    private static String key(MediaRef ref) {
        return "media/" + ref.organizationId() + "/" + ref.sessionId() + "/" + ref.id();
    }

    @Test
    void nothingIsWrittenToTheDataDirectory() {
        store(MediaFixtures.image(1_000, 30));
        assertThat(Files.exists(dataDirectory.resolve("media"))).isFalse();
    }

    @Test
    void objectMissingFromTheBucketIsAnsweredWithoutInternals() {
        var ref = store(MediaFixtures.image(1_000, 31));
        s3.deleteObject(request -> request.bucket(BUCKET).key(key(ref)));

        assertThatThrownBy(() -> media.read(ref.id())).isInstanceOf(MediaUnreadableException.class).hasMessageContaining("no stored blob");
        new Http(port).get(pathAndQuery(media.signedUrl(ref.id(), "cabinet:reviewer-7").url())).assertProblem(500, "media_unreadable");
    }
}
